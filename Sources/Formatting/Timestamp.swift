/// ISO-8601 UTC with milliseconds, computed directly (no formatter, no locale, no time zone
/// database): `2026-11-28T10:15:00.123Z`.
public enum Timestamp {
    /// 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the range of a four-digit year.
    static let earliest: Int64 = -62_167_219_200_000
    static let latest: Int64 = 253_402_300_799_999

    /// Always valid ISO-8601 (and RFC 3339) for any Int64. Times outside years 0000...9999 are
    /// clamped to the nearest end of that range instead of printed with an expanded year
    /// (`+292278994-...`), which ISO 8601 allows only by prior agreement and most readers reject.
    /// The reader refuses records past 9999, so only an absurd argument or a hand-edited
    /// database can reach the clamp.
    public static func iso8601(milliseconds: Int64) -> String {
        let milliseconds = min(max(milliseconds, earliest), latest)
        let (seconds, millis) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let adjustedSeconds = millis < 0 ? seconds - 1 : seconds
        let ms = millis < 0 ? millis + 1000 : millis
        let (days, secondOfDay) = adjustedSeconds.quotientAndRemainder(dividingBy: 86_400)
        let dayNumber = secondOfDay < 0 ? days - 1 : days
        let sod = secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay
        let (y, m, d) = civil(fromDays: dayNumber)
        // Fixed width: fill 24 bytes in place instead of joining padded pieces.
        var bytes = Array("0000-00-00T00:00:00.000Z".utf8)
        func put(_ value: Int64, at end: Int, width: Int) {
            var v = value
            for i in stride(from: end, to: end - width, by: -1) {
                bytes[i] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        put(y, at: 3, width: 4)
        put(m, at: 6, width: 2)
        put(d, at: 9, width: 2)
        put(sod / 3600, at: 12, width: 2)
        put(sod % 3600 / 60, at: 15, width: 2)
        put(sod % 60, at: 18, width: 2)
        put(ms, at: 22, width: 3)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// A proleptic Gregorian date to days since 1970-01-01 (the inverse of `civil`).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
