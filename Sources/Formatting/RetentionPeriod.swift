import Foundation

/// How long data is kept: `90d`, `12h`, `2w`, `1y` (365 days), `30m`, `45s`, or a sum such as
/// `1w3d`. A bare number is refused: days or seconds are both plausible, and a retention
/// mistake deletes evidence.
public struct RetentionPeriod: Sendable, Equatable, CustomStringConvertible {
    public let milliseconds: Int64
    public let text: String

    public struct Failure: Error, CustomStringConvertible {
        public let text: String
        public var description: String {
            "cannot read the duration \"\(text)\": use a number with a unit, s, m, h, d, w or y (365 days), such as 90d, 12h or 1w3d; "
                + "at least one minute, at most 100 years"
        }
    }

    static let units: [Character: Int64] = ["s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000,
                                            "w": 604_800_000, "y": 31_536_000_000]

    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var total: Int64 = 0
        var digits = ""
        var sawUnit = false
        for character in trimmed {
            if character.isASCII, character.isNumber {
                digits.append(character)
                guard digits.count <= 12 else { throw Failure(text: text) }
            } else if let unit = Self.units[character], let value = Int64(digits) {
                let (part, overflow) = value.multipliedReportingOverflow(by: unit)
                // A sum of parts that each fit (200000000y200000000y) may still overflow.
                let (sum, sumOverflow) = total.addingReportingOverflow(part)
                guard !overflow, !sumOverflow else { throw Failure(text: text) }
                total = sum
                digits = ""
                sawUnit = true
            } else {
                throw Failure(text: text)
            }
        }
        // A minute at least: a shorter retention is a typo that would delete what watch is storing.
        guard sawUnit, digits.isEmpty, total >= 60_000, total <= 100 * 31_536_000_000 else { throw Failure(text: text) }
        milliseconds = total
        self.text = trimmed
    }

    public var description: String { text }
}
