import Foundation
import Testing
@testable import Formatting
import Reports

/// ISO-8601 times read strictly (helper-71): fractions of any length round to the millisecond,
/// and a zone offset or a field out of range is refused instead of read as some other time.
@Suite struct ISO8601TimeTests {
    /// Every second of a random sample, every zone offset form: against Foundation's calendar.
    @Test func agreesWithTheCalendarOnWholeSecondsAndMilliseconds() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let ms = Int64.random(in: 0..<253_402_300_800_000, using: &rng)  // 1970 to 9999
            let date = Date(timeIntervalSince1970: Double(ms / 1000))
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let base = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            let fraction = ms % 1000
            #expect(ISO8601Time.milliseconds(base + "Z") == ms - fraction, "\(base)")
            #expect(ISO8601Time.milliseconds(base + String(format: ".%03dZ", fraction)) == ms, "\(base)")
            #expect(ISO8601Time.milliseconds(base + String(format: ".%03d+01:30", fraction)) == ms - 5_400_000, "\(base)")
            #expect(ISO8601Time.milliseconds(base + String(format: ".%03d-0230", fraction)) == ms + 9_000_000, "\(base)")
        }
    }

    @Test(arguments: [
        ("2025-11-25T03:47:27.9999999999Z", 1_764_042_448_000), ("2025-11-25T03:47:27.999999999Z", 1_764_042_448_000),
        ("2025-11-25T03:47:27.1234567890123Z", 1_764_042_447_123), ("2025-11-25T03:47:27.0005Z", 1_764_042_447_001),
        ("2025-11-25T03:47:27.0004999Z", 1_764_042_447_000), ("2025-11-25T03:47:27.5Z", 1_764_042_447_500),
        ("2024-02-29T00:00:00+23:59", 1_709_078_460_000), ("1970-01-01T00:00:00Z", 0), ("1970-01-01t00:00:01z", 1_000),
    ])
    func fractionsRoundToTheNearestMillisecond(text: String, expected: Int64) {
        #expect(ISO8601Time.milliseconds(text) == expected, "\(text)")
    }

    @Test(arguments: ["2025-11-25T03:47:27+99:99", "2025-11-25T03:47:27+25:00", "2025-11-25T03:47:27+24:00",
                      "2025-11-25T03:47:27+01:60", "2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-11-31T00:00:00Z",
                      "2025-11-25T24:00:00Z", "2025-11-25T23:60:00Z", "2025-11-25T23:59:60Z",
                      "2025-11-25T03:47:27.Z", "2025-11-25T03:47Z", "2025-11-25 03:47:27Z", "25-11-25T03:47:27Z",
                      "2025-11-25T03:47:27ZZ", "2025-11-25T03:47:27+1", "2025-11-25T03:47:27+01:0", "2025-1-25T03:47:27Z",
                      "2025-11-25T03:47:27.12a3Z", "２０２５-11-25T03:47:27Z"])
    func refusesWhatIsNotAValidTime(text: String) {
        #expect(ISO8601Time.milliseconds(text) == nil, "\(text)")
        #expect(throws: TimeExpression.Failure.self, "\(text)") {
            try TimeExpression.parse(text, nowMilliseconds: TimeExpressionTests.now, timeZone: TimeExpressionTests.zone)
        }
    }
}

/// Local times the clocks skipped (helper-71): a date whose midnight fell in a daylight-saving
/// gap starts at its first instant, as `today` does; a time in a gap is refused, saying so.
@Suite struct LocalTimeGapTests {
    static let now: Int64 = 1_764_000_000_000

    @Test func aDateWhoseMidnightWasSkippedStartsAtItsFirstInstant() throws {
        let zone = try #require(TimeZone(identifier: "America/Sao_Paulo"))
        // 2018-11-04: clocks went from 00:00 to 01:00 (-02:00).
        #expect(try TimeExpression.parse("2018-11-04", nowMilliseconds: Self.now, timeZone: zone)
                == ISO8601Time.milliseconds("2018-11-04T01:00:00-02:00"))
        #expect(try TimeExpression.parse("11/04/2018", nowMilliseconds: Self.now, timeZone: zone)
                == ISO8601Time.milliseconds("2018-11-04T01:00:00-02:00"))
        #expect(try TimeExpression.parse("2018-11-05", nowMilliseconds: Self.now, timeZone: zone)
                == ISO8601Time.milliseconds("2018-11-05T00:00:00-02:00"))
    }

    @Test func aSkippedTimeIsRefusedWithItsReason() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        do {
            _ = try TimeExpression.parse("2025-03-30 02:30", nowMilliseconds: Self.now, timeZone: zone)
            Issue.record("a skipped time was accepted")
        } catch let failure as TimeExpression.Failure {
            #expect(failure.description.contains("does not exist in local time (Europe/Berlin)"), "\(failure)")
        }
        #expect(try TimeExpression.parse("2025-03-30 03:30", nowMilliseconds: Self.now, timeZone: zone)
                == ISO8601Time.milliseconds("2025-03-30T03:30:00+02:00"))
        #expect(try TimeExpression.parse("2025-03-30 01:59:59", nowMilliseconds: Self.now, timeZone: zone)
                == ISO8601Time.milliseconds("2025-03-30T01:59:59+01:00"))
        // Repeated (autumn): the first of the two, still in summer time.
        #expect(try TimeExpression.parse("2025-10-26 02:30", nowMilliseconds: Self.now, timeZone: zone)
                == ISO8601Time.milliseconds("2025-10-26T02:30:00+02:00"))
        #expect(throws: TimeExpression.Failure.self) {
            try TimeExpression.parse("2025-02-29", nowMilliseconds: Self.now, timeZone: zone)
        }
    }

    /// The day after one whose midnight was skipped (helper-72): yesterday, week-ago and the
    /// daily digest started the day before at 01:00, a step of a day from today's first instant.
    @Test func theDayBeforeADayWithoutMidnightStartsAtItsMidnight() throws {
        let zone = try #require(TimeZone(identifier: "America/Havana"))
        let now = try #require(ISO8601Time.milliseconds("2025-03-09T12:00:00-04:00"))
        #expect(try TimeExpression.parse("today", nowMilliseconds: now, timeZone: zone) == ISO8601Time.milliseconds("2025-03-09T01:00:00-04:00"))
        #expect(try TimeExpression.parse("yesterday", nowMilliseconds: now, timeZone: zone) == ISO8601Time.milliseconds("2025-03-08T00:00:00-05:00"))
        #expect(try TimeExpression.parse("week-ago", nowMilliseconds: now, timeZone: zone) == ISO8601Time.milliseconds("2025-03-02T00:00:00-05:00"))
        let day = try DigestPeriod.parse("day", nowMilliseconds: now, timeZone: zone)
        #expect(day.since == ISO8601Time.milliseconds("2025-03-08T00:00:00-05:00"))
        #expect(day.until == ISO8601Time.milliseconds("2025-03-09T01:00:00-04:00"))
    }
}
