import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The local time zone as the C library reads `TZ` (and `date` with it), as a Foundation zone.
///
/// Foundation reads `TZ` its own way: `UTC+5` as five hours east (POSIX means west), and a rule
/// (`CET-1CEST,M3.5.0,M10.5.0/3`), `:Europe/Berlin` or a file's path as UTC. Query windows and
/// shown times were then silently off by hours, and not as the ingest of `ausearch -i` output
/// read them (through mktime). Here a name with a zoneinfo file is that zone, a file's path
/// under a zoneinfo folder its zone, and any other value goes to the C library: a fixed offset
/// is that offset; a rule with daylight saving time, which a Foundation zone cannot follow, is
/// UTC with a `problem` to say so.
public struct LocalZone: Sendable {
    public var zone: TimeZone
    /// Why `zone` is not what `TZ` says (nil when it is).
    public var problem: String?

    public static let current = LocalZone(tz: ProcessInfo.processInfo.environment["TZ"],
                                          zoneinfo: ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo",
                                          rule: processRule)

    init(zone: TimeZone, problem: String? = nil) {
        self.zone = zone
        self.problem = problem
    }

    /// - Parameters:
    ///   - tz: `TZ` (nil: unset, the system's zone).
    ///   - zoneinfo: the folder of zone files the C library reads.
    ///   - rule: how the C library reads `tz` as a POSIX rule: seconds east of UTC in standard
    ///     time, and whether it has a daylight-saving part.
    init(tz: String?, zoneinfo: String, rule: () -> (secondsEast: Int, daylightSaving: Bool)) {
        guard let tz else {
            self.init(zone: .current)
            return
        }
        let utc = TimeZone(secondsFromGMT: 0)!
        var name = Substring(tz)
        if name.first == ":" { name = name.dropFirst() }
        if name.isEmpty {
            self.init(zone: utc)  // TZ set and empty is UTC to the C library
            return
        }
        if name.first == "/" {
            // /etc/localtime and other links into a zoneinfo folder are the zone they link to.
            let resolved = URL(fileURLWithPath: String(name)).resolvingSymlinksInPath().path
            if let range = resolved.range(of: "/zoneinfo/"), let zone = TimeZone(identifier: String(resolved[range.upperBound...])) {
                self.init(zone: zone)
            } else {
                self.init(zone: utc, problem: "TZ=\(tz) is a file outside a zoneinfo folder, which svirt-trace cannot read: "
                          + "times are read and shown in UTC; set TZ to a zone name (Europe/Berlin)")
            }
            return
        }
        if !name.contains(".."), FileManager.default.fileExists(atPath: zoneinfo + "/" + name),
           let zone = TimeZone(identifier: String(name)) {
            self.init(zone: zone)
            return
        }
        let (offset, hasDaylightSaving) = rule()
        if hasDaylightSaving {
            self.init(zone: utc, problem: "TZ=\(tz) is a rule with daylight saving time, which svirt-trace cannot follow: "
                      + "times are read and shown in UTC; set TZ to a zone name (Europe/Berlin)")
        } else {
            self.init(zone: TimeZone(secondsFromGMT: offset) ?? utc)
        }
    }

    /// The C library's reading of this process's `TZ` (`date`'s): a value it cannot read is UTC.
    /// Its offset in January and in July of 2025: a rule with daylight saving time differs in one
    /// of them, in either hemisphere.
    static func processRule() -> (secondsEast: Int, daylightSaving: Bool) {
        func offset(at seconds: time_t) -> (Int, Bool) {
            var when = seconds
            var parts = tm()
            guard localtime_r(&when, &parts) != nil else { return (0, false) }
            return (Int(parts.tm_gmtoff), parts.tm_isdst > 0)
        }
        let january = offset(at: 1_735_732_800), july = offset(at: 1_751_371_200)
        let standard = january.1 ? july.0 : january.0
        return (standard, january.0 != july.0 || january.1 || july.1)
    }
}
