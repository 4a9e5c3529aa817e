import Foundation
import Testing
@testable import Formatting
@testable import Reports

/// The time words added for ausearch and journalctl habits, the local-time display, and the
/// guest spellings, as pure functions (TimeAndGuestsTests runs them through the binary).
@Suite struct TimeWordsTests {
    static let now = TimeExpressionTests.now
    static let zone = TimeExpressionTests.zone
    static func utc(_ text: String) -> Int64 { TimeExpressionTests.utc(text) }

    static let relative: [(String, Int64)] = [
        ("-1h", now - 3_600_000),
        ("+1h", now + 3_600_000),
        ("-30min", now - 1_800_000),
        ("-1h30min", now - 5_400_000),
        ("-1h 30min", now - 5_400_000),
        ("-90", now - 90_000),
        ("-2d", now - 2 * 86_400_000),
        ("-1w", now - 604_800_000),
        ("-1M", now - 2_629_800_000),
        ("-1y", now - 31_557_600_000),
        ("-500ms", now - 500),
        ("2 hours ago", now - 7_200_000),
        ("1h ago", now - 3_600_000),
        ("1 day 2 hours ago", now - 93_600_000),
        ("11/28/2026", utc("2026-11-27T22:00:00Z")),
        ("11/28/2026 12:15:07", utc("2026-11-28T10:15:07Z")),
        ("11/28/2026 12:15", utc("2026-11-28T10:15:00Z")),
        ("01/02/2026", utc("2026-01-01T22:00:00Z")),
    ]

    @Test(arguments: relative)
    func resolves(text: String, expected: Int64) throws {
        #expect(try TimeExpression.parse(text, nowMilliseconds: Self.now, timeZone: Self.zone) == expected, "\(text)")
    }

    /// A sign or `ago` is needed, units are systemd's (m is minutes, M months), and the slashed
    /// date is MM/DD/YYYY with four digits of year.
    @Test(arguments: ["1h", "--1h", "-", "-h", "-1 parsec", "-1h ago", "ago", " ago", "-1.2.3h", "tomorrow", "28/11/2026", "11/28/26",
                      "13/01/2026", "11/31/2026", "11/28/2026 25:00", "11-28-2026", "2026/11/28", "-1hh", "+-1h", "-1h30"])
    func rejects(text: String) {
        #expect(throws: TimeExpression.Failure.self, "\(text)") {
            try TimeExpression.parse(text, nowMilliseconds: Self.now, timeZone: Self.zone)
        }
    }

    @Test(arguments: ["-99999999999999999999999999999999y", "-99999y", "+8000y", "-100y"])
    func relativeTimesOutsideTheRangeAreAMessage(text: String) {
        do {
            _ = try TimeExpression.parse(text, nowMilliseconds: Self.now, timeZone: Self.zone)
            Issue.record("\(text) accepted")
        } catch let failure as TimeExpression.Failure {
            #expect(failure.outOfRange, "\(text)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func bootAndCheckpointComeFromTheAnchors() throws {
        let anchors = TimeAnchors(boot: 1_764_000_000_000, checkpoint: 1_764_000_123_456)
        #expect(try TimeExpression.parse("boot", nowMilliseconds: Self.now, anchors: anchors) == 1_764_000_000_000)
        #expect(try TimeExpression.parse(" checkpoint ", nowMilliseconds: Self.now, anchors: anchors) == 1_764_000_123_456)
        let missing = TimeAnchors(checkpointMissing: "no checkpoint saved for /x.db")
        for word in ["boot", "checkpoint"] {
            do {
                _ = try TimeExpression.parse(word, nowMilliseconds: Self.now, anchors: missing)
                Issue.record("\(word) accepted without an anchor")
            } catch let failure as TimeExpression.Failure {
                #expect(!failure.outOfRange)
                #expect(failure.description.contains(word == "boot" ? "boot time is unknown" : "no checkpoint saved for /x.db"))
            }
        }
        let period = try DigestPeriod.parse("checkpoint..now", nowMilliseconds: Self.now, timeZone: Self.zone, anchors: anchors)
        #expect(period.since == 1_764_000_123_456 && period.until == Self.now)
    }

    @Test func bootTimeIsReadFromProcStat() {
        #expect(TimeAnchors.bootMilliseconds(procStat: "cpu  1 2 3\nintr 5\nbtime 1796206491\nprocesses 9\n") == 1_796_206_491_000)
        #expect(TimeAnchors.bootMilliseconds(procStat: "cpu 1\n") == nil)
        #expect(TimeAnchors.bootMilliseconds(procStat: "btime x\n") == nil)
        #expect(TimeAnchors.bootMilliseconds(procStat: "btime 99999999999999\n") == nil)
    }

    @Test(arguments: [
        ("Europe/Paris", "2025-11-25T03:47:25.261Z", "2025-11-25 04:47:25.261 +01:00"),
        ("Europe/Paris", "2025-07-01T22:30:00.000Z", "2025-07-02 00:30:00.000 +02:00"),
        ("Asia/Kolkata", "2025-11-25T03:47:25.261Z", "2025-11-25 09:17:25.261 +05:30"),
        ("America/St_Johns", "2025-01-01T02:00:00.999Z", "2024-12-31 22:30:00.999 -03:30"),
        ("UTC", "1970-01-01T00:00:00.000Z", "1970-01-01 00:00:00.000 +00:00"),
        ("Pacific/Kiritimati", "2025-11-25T03:47:25.261Z", "2025-11-25 17:47:25.261 +14:00"),
    ])
    func localTimeCarriesItsOffset(zone: String, iso: String, local: String) throws {
        let display = TimeDisplay(timeZone: try #require(TimeZone(identifier: zone)))
        #expect(display.render(iso: iso) == local)
        #expect(TimeDisplay.utc.render(iso: iso) == iso)
    }

    @Test func onlyTimeKeysAndTheExactStoredFormAreConverted() throws {
        let paris = TimeDisplay(timeZone: try #require(TimeZone(identifier: "Europe/Paris")))
        #expect(paris.render(key: "time", text: "2025-11-25T03:47:25.261Z") == "2025-11-25 04:47:25.261 +01:00")
        #expect(paris.render(key: "path", text: "2025-11-25T03:47:25.261Z") == "2025-11-25T03:47:25.261Z")
        for text in ["2025-11-25T03:47:25Z", "2025-13-25T03:47:25.261Z", "2025-11-25T03:47:25.261+01:00", "x", ""] {
            #expect(paris.render(key: "time", text: text) == text)
        }
        for ms: Int64 in [0, 1_764_042_445_261, 951_782_400_000, TimeExpression.range.upperBound] {
            #expect(TimeDisplay.milliseconds(iso: Timestamp.iso8601(milliseconds: ms)) == ms)
        }
    }

    @Test(arguments: [
        ("6f1c0b3e-2a4d-4c5e-9f10-000000000001", "6f1c0b3e-2a4d-4c5e-9f10-000000000001"),
        ("6F1C0B3E2A4D4C5E9F10000000000001", "6f1c0b3e-2a4d-4c5e-9f10-000000000001"),
        ("6F1C0B3E-2A4D-4C5E-9F10-000000000001", "6f1c0b3e-2a4d-4c5e-9f10-000000000001"),
    ])
    func uuidSpellings(text: String, canonical: String) {
        #expect(GuestSelector.canonicalUUID(text) == canonical)
        #expect(GuestSelector(text).spelled.key == canonical)
        #expect(GuestSelector("kvm01/" + text).spelled.node == "kvm01")
    }

    @Test(arguments: ["web-1", "6f1c0b3e-2a4d-4c5e-9f10-00000000000g", "6f1c0b3e2a4d-4c5e-9f10-0000000000012",
                      "6f1c0b3e-2a4d-4c5e-9f10-0000000000001", "/web-1", "kvm01/"])
    func notUUIDs(text: String) {
        #expect(GuestSelector.canonicalUUID(text) == nil)
        #expect(!GuestSelector(text).spelled.isUUID)
    }

    @Test func nodeAndNameAndTheNodesTheyLeave() {
        #expect(GuestSelector("kvm01/web-1").spelled.node == "kvm01")
        #expect(GuestSelector("kvm01/web-1").spelled.key == "web-1")
        #expect(GuestSelector("/web-1").spelled.key == "/web-1")
        #expect(GuestSelector("kvm01/web-1", nodes: ["kvm01", "kvm02"]).effectiveNodes == ["kvm01"])
        #expect(GuestSelector("kvm01/web-1", nodes: ["kvm02"]).effectiveNodes == nil)
        #expect(GuestSelector("web-1", nodes: ["kvm02"]).effectiveNodes == ["kvm02"])
    }

    @Test(arguments: [("web-1", "web-1", 0), ("web1", "web-1", 1), ("wbe-1", "web-1", 1), ("db", "web-1", 4), ("", "ab", 2),
                      ("kitten", "sitting", 3)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(GuestSelector.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) == distance)
        #expect(GuestSelector.editDistance(Array(b.unicodeScalars), Array(a.unicodeScalars)) == distance)
    }
}
