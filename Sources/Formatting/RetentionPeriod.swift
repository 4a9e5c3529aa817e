import Foundation

/// How long data is kept: `90d`, `12h`, `2w`, `1y` (365 days), `30m`, `45s`, a sum such as
/// `1w3d`, or the same spelt out as `--since` spells its spans (`30 days`, `1 week 3 days`,
/// `90min`). A bare number is refused: days or seconds are both plausible, and a retention
/// mistake deletes evidence. Months are refused too: `M` and `m` differ only in case.
public struct RetentionPeriod: Sendable, Equatable, CustomStringConvertible {
    public let milliseconds: Int64
    public let text: String

    public struct Failure: Error, CustomStringConvertible {
        public let text: String
        public var description: String {
            "cannot read the duration \"\(text)\": use numbers with units, s, m (minutes), h, d, w or y (365 days), such as "
                + "90d, 12h, 1w3d or \"30 days\"; at least one minute, at most 100 years"
        }
    }

    /// RelativeTime's words, but not its table: a year here is 365 days (365.25 there), and
    /// milliseconds and months are refused.
    static let units: [String: Int64] = [
        "s": 1_000, "sec": 1_000, "second": 1_000, "seconds": 1_000,
        "m": 60_000, "min": 60_000, "minute": 60_000, "minutes": 60_000,
        "h": 3_600_000, "hr": 3_600_000, "hour": 3_600_000, "hours": 3_600_000,
        "d": 86_400_000, "day": 86_400_000, "days": 86_400_000,
        "w": 604_800_000, "week": 604_800_000, "weeks": 604_800_000,
        "y": 31_536_000_000, "year": 31_536_000_000, "years": 31_536_000_000,
    ]

    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let chars = Array(trimmed.utf8)
        var total: Int64 = 0
        var parts = 0
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i] == 0x20 { i += 1 }
            let numberStart = i
            while i < chars.count, (0x30...0x39).contains(chars[i]) { i += 1 }
            guard i > numberStart, i - numberStart <= 12,
                  let value = Int64(String(decoding: chars[numberStart..<i], as: UTF8.self)) else { throw Failure(text: text) }
            while i < chars.count, chars[i] == 0x20 { i += 1 }
            let unitStart = i
            while i < chars.count, (0x61...0x7A).contains(chars[i]) { i += 1 }
            guard let unit = Self.units[String(decoding: chars[unitStart..<i], as: UTF8.self)] else { throw Failure(text: text) }
            let (part, overflow) = value.multipliedReportingOverflow(by: unit)
            // A sum of parts that each fit (200000000y200000000y) may still overflow.
            let (sum, sumOverflow) = total.addingReportingOverflow(part)
            guard !overflow, !sumOverflow else { throw Failure(text: text) }
            total = sum
            parts += 1
        }
        // A minute at least: a shorter retention is a typo that would delete what watch is storing.
        guard parts > 0, total >= 60_000, total <= 100 * 31_536_000_000 else { throw Failure(text: text) }
        milliseconds = total
        self.text = trimmed
    }

    public var description: String { text }
}
