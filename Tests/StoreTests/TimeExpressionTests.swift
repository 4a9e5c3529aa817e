import Foundation
import Testing
@testable import Store
import SELinux

@Suite struct TimeExpressionTests {
    /// Saturday 2026-11-28 10:15:30.250 UTC, read in a zone two hours east of UTC.
    static let now: Int64 = utc("2026-11-28T10:15:30Z") + 250
    static let zone = TimeZone(secondsFromGMT: 7200)!

    static func utc(_ text: String) -> Int64 {
        let f = ISO8601DateFormatter()
        return Int64(f.date(from: text)!.timeIntervalSince1970 * 1000)
    }

    @Test(arguments: [
        ("now", now),
        ("recent", now - 600_000),
        ("today", utc("2026-11-27T22:00:00Z")),
        ("yesterday", utc("2026-11-26T22:00:00Z")),
        ("week-ago", utc("2026-11-20T22:00:00Z")),
        ("this-week", utc("2026-11-21T22:00:00Z")),
        ("this-month", utc("2026-10-31T22:00:00Z")),
        ("this-year", utc("2025-12-31T22:00:00Z")),
        ("2026-11-28T10:15:00Z", utc("2026-11-28T10:15:00Z")),
        ("2026-11-28T10:15:00.5Z", utc("2026-11-28T10:15:00Z") + 500),
        ("2026-11-28T12:15:00+02:00", utc("2026-11-28T10:15:00Z")),
        ("2026-11-28", utc("2026-11-27T22:00:00Z")),
        ("2026-11-28 12:15", utc("2026-11-28T10:15:00Z")),
        ("2026-11-28 12:15:07", utc("2026-11-28T10:15:07Z")),
        ("@1764000000", 1_764_000_000_000),
    ])
    func resolves(text: String, expected: Int64) throws {
        #expect(try TimeExpression.parse(text, nowMilliseconds: Self.now, timeZone: Self.zone) == expected, "\(text)")
    }

    @Test(arguments: ["", "tomorrow", "2026-13-01", "2026-11-31", "2026-11-28 25:00", "28/11/2026", "12:15", "2026-11-28T"])
    func rejects(text: String) {
        #expect(throws: TimeExpression.Failure.self) { try TimeExpression.parse(text, nowMilliseconds: Self.now, timeZone: Self.zone) }
    }

    @Test(arguments: [
        ("web01:1234", "web01", Int64(1234)), ("1234", nil, 1234), ("CentOS 7.7:99", "CentOS 7.7", 99), ("a:b:5", "a:b", 5),
    ])
    func eventReferences(text: String, node: String?, serial: Int64) throws {
        let reference = try #require(EventReference.parse(text))
        #expect(reference.node == node)
        #expect(reference.serial == serial)
    }

    @Test(arguments: ["", "web01:", "x", "web01:-3"])
    func badEventReferences(text: String) {
        #expect(EventReference.parse(text) == nil)
    }

    @Test(arguments: ["s0:c87,c520", "c87,c520", "s0:c520,c87", "system_u:system_r:svirt_t:s0:c87,c520",
                      "system_u:object_r:svirt_image_t:s0:c520,c87"])
    func labelSpellingsMeanOneLevel(text: String) throws {
        #expect(try LabelQuery.level(from: text).description == "s0:c87,c520")
    }
}
