#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Local calendar time to epoch seconds, as auparse does for `ausearch -i` output
/// (`msg=audit(07/20/2015 14:23:28.857:957)`), which prints local time without a zone.
public enum LocalTime {
    public static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second), (1900...9999).contains(year) else { return nil }
        var t = tm()
        t.tm_year = Int32(year - 1900)
        t.tm_mon = Int32(month - 1)
        t.tm_mday = Int32(day)
        t.tm_hour = Int32(hour)
        t.tm_min = Int32(minute)
        t.tm_sec = Int32(second)
        t.tm_isdst = -1
        // mktime returns -1 for an error and for the second before 1970 in UTC alike; only a
        // success fills in the weekday.
        t.tm_wday = -1
        let seconds = mktime(&t)
        return seconds == -1 && t.tm_wday == -1 ? nil : Int64(seconds)
    }
}
