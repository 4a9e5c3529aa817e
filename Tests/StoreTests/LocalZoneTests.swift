import Foundation
import Testing
@testable import Formatting

/// How a TZ value becomes a zone, with the C library's reading of a POSIX rule given (the
/// binary's own reading is checked in TimeAndGuestsTests, through the process's TZ).
@Suite struct LocalZoneTests {
    static func noRule() -> (secondsEast: Int, daylightSaving: Bool) {
        Issue.record("a zone name or path must not be read as a POSIX rule")
        return (0, false)
    }

    @Test func namesPathsAndEmptyAreZonesWithoutTheCLibrary() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        for tz in ["Europe/Berlin", ":Europe/Berlin", "/usr/share/zoneinfo/Europe/Berlin"] {
            let zone = LocalZone(tz: tz, zoneinfo: "/usr/share/zoneinfo", rule: Self.noRule)
            #expect(zone.zone.identifier == berlin.identifier, "\(tz)")
            #expect(zone.problem == nil, "\(tz)")
        }
        let empty = LocalZone(tz: "", zoneinfo: "/usr/share/zoneinfo", rule: Self.noRule)
        #expect(empty.zone.secondsFromGMT() == 0 && empty.problem == nil)
        let outside = LocalZone(tz: "/tmp/not-a-zone", zoneinfo: "/usr/share/zoneinfo", rule: Self.noRule)
        #expect(outside.zone.secondsFromGMT() == 0)
        #expect(outside.problem?.contains("outside a zoneinfo folder") == true)
    }

    @Test func aPOSIXRuleIsItsFixedOffsetOrUTCWithAWarning() {
        // "UTC+5" is five hours west: the C library says -18,000 s east.
        let fixed = LocalZone(tz: "UTC+5", zoneinfo: "/usr/share/zoneinfo", rule: { (-18_000, false) })
        #expect(fixed.zone.secondsFromGMT() == -18_000)
        #expect(fixed.problem == nil)
        let seasonal = LocalZone(tz: "CET-1CEST,M3.5.0,M10.5.0/3", zoneinfo: "/usr/share/zoneinfo", rule: { (3_600, true) })
        #expect(seasonal.zone.secondsFromGMT() == 0)
        #expect(seasonal.problem?.contains("daylight saving time") == true)
        // A name that climbs out of the zoneinfo folder is not looked up as a file.
        let climbing = LocalZone(tz: "../../etc/passwd", zoneinfo: "/usr/share/zoneinfo", rule: { (0, false) })
        #expect(climbing.zone.secondsFromGMT() == 0)
    }
}
