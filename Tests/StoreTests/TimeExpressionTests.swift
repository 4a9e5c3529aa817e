import Foundation
import Testing
@testable import Store
import SELinux
@testable import Formatting
@testable import Reports

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

    /// Forms that read but name a time no report can print: a message, never a trap.
    @Test(arguments: ["@9223372036854775", "@-99999999999999999", "@1e300", "@-1e300", "@253402300800", "@-0.001",
                      "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z"])
    func rejectsTimesOutsideTheRange(text: String) {
        do {
            _ = try TimeExpression.parse(text, nowMilliseconds: Self.now, timeZone: Self.zone)
            Issue.record("\(text) accepted")
        } catch let failure as TimeExpression.Failure {
            #expect(failure.outOfRange, "\(text)")
            #expect(failure.description.contains("outside 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z"))
        } catch {
            Issue.record("\(error)")
        }
    }

    /// `--since 30d` (as --older-than takes it) said only "cannot read the time" (helper-76).
    @Test(arguments: ["30d", "1w3d", "12h", "30 days", "90min"])
    func aBareSpanIsToldHowToBeWritten(text: String) {
        do {
            _ = try TimeExpression.parse(text, nowMilliseconds: Self.now, timeZone: Self.zone)
            Issue.record("\(text) accepted")
        } catch {
            #expect("\(error)".contains("a span needs a sign or \"ago\", as in journalctl: -\(text) or \"\(text) ago\""), "\(error)")
            #expect((try? TimeExpression.parse("-" + text, nowMilliseconds: Self.now, timeZone: Self.zone)) != nil, "the advice reads")
        }
    }

    @Test(arguments: ["2025", "x5d", "5 fortnights"])
    func notASpanGetsTheGeneralMessage(text: String) {
        do {
            _ = try TimeExpression.parse(text, nowMilliseconds: Self.now, timeZone: Self.zone)
            Issue.record("\(text) accepted")
        } catch {
            #expect(!"\(error)".contains("a span needs"), "\(error)")
        }
    }

    /// --older-than and --retain read the spans --since spells out, with the same units.
    @Test(arguments: [("90d", 90 * 86_400_000), ("30 days", 30 * 86_400_000), ("1 week 3 days", 10 * 86_400_000),
                      ("1w3d", 10 * 86_400_000), ("90min", 90 * 60_000), ("2 hours", 7_200_000), ("1y", 365 * 86_400_000)] as [(String, Int64)])
    func retentionReadsSpelledUnits(text: String, expected: Int64) throws {
        #expect(try RetentionPeriod(text).milliseconds == expected)
    }

    @Test(arguments: ["30", "", "d", "3M", "1 fortnight", "59s", "101y", "1d-2h", "1.5d", "999999999999999y"])
    func retentionRefusesWhatItCannotRead(text: String) {
        #expect(throws: RetentionPeriod.Failure.self) { try RetentionPeriod(text) }
    }

    @Test(arguments: ["@nan", "@inf", "@", "@1e", "@ 5 5"])
    func rejectsNumbersThatAreNotTimes(text: String) {
        #expect(throws: TimeExpression.Failure.self) { try TimeExpression.parse(text, nowMilliseconds: Self.now, timeZone: Self.zone) }
    }

    @Test func theEdgesOfTheRangeAreAccepted() throws {
        #expect(try TimeExpression.parse("@0", nowMilliseconds: Self.now) == 0)
        #expect(try TimeExpression.parse("@253402300799.999", nowMilliseconds: Self.now) == TimeExpression.range.upperBound)
        #expect(try TimeExpression.parse("9999-12-31T23:59:59.999Z", nowMilliseconds: Self.now) == TimeExpression.range.upperBound)
        #expect(Timestamp.iso8601(milliseconds: TimeExpression.range.upperBound) == "9999-12-31T23:59:59.999Z")
    }

    @Test func aNowOutsideTheRangeIsRefusedForEveryWord() {
        for word in ["now", "recent", "today", "this-week", "this-year", "2026-11-28"] {
            for now in [Int64.max, Int64.min, TimeExpression.range.upperBound + 1] {
                #expect(throws: TimeExpression.Failure.self, "\(word) at \(now)") {
                    try TimeExpression.parse(word, nowMilliseconds: now, timeZone: Self.zone)
                }
            }
        }
    }

    @Test func digestPeriodsAreBoundedAndNeverTrap() throws {
        for bad in ["@0..@99999999999999999", "@0..@253402300799", "day", "week"] {
            #expect(throws: (any Error).self, "\(bad)") {
                try DigestPeriod.parse(bad, nowMilliseconds: bad.contains("..") ? Self.now : Int64.max, timeZone: Self.zone)
            }
        }
        let year = try DigestPeriod.parse("2026-01-01T00:00:00Z..2027-01-01T00:00:00Z", nowMilliseconds: Self.now)
        #expect(year.length == 365 * 86_400_000)
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
