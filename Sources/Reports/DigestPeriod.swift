import Foundation
import Formatting

/// The stretch of time one digest covers, and the one before it for comparison. `day` and `week`
/// mean the last *complete* local calendar day or ISO week before `now`, so a digest run twice
/// (or late, or again after a failed send) covers exactly the same events.
public struct DigestPeriod: Sendable, Equatable {
    public enum Kind: String, Sendable { case day, week, range }

    public var kind: Kind
    /// Milliseconds since the epoch; `until` is excluded.
    public var since: Int64
    public var until: Int64

    public init(kind: Kind, since: Int64, until: Int64) {
        self.kind = kind
        self.since = since
        self.until = until
    }

    public var length: Int64 { until - since }
    public var previous: DigestPeriod { DigestPeriod(kind: kind, since: since - length, until: since) }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The longest period one digest covers: a year and a bit. The histogram has a bar per day, so
    /// a range over centuries would write millions of them.
    public static let maximumLength: Int64 = 400 * 86_400_000

    /// `day`, `week` or `SINCE..UNTIL` in any form `query --since` takes.
    public static func parse(_ text: String, nowMilliseconds: Int64, timeZone: TimeZone = LocalZone.current.zone,
                             anchors: TimeAnchors = TimeAnchors()) throws -> DigestPeriod {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let now = Date(timeIntervalSince1970: Double(nowMilliseconds) / 1000)
        func ms(_ date: Date?) throws -> Int64 {
            guard TimeExpression.range.contains(nowMilliseconds), let date,
                  let value = TimeExpression.milliseconds(date.timeIntervalSince1970) else {
                throw Failure(description: "--period \(text): now (@\(nowMilliseconds / 1000)) is outside 1970 to 9999")
            }
            return value
        }
        switch text {
        case "day":
            let end = calendar.startOfDay(for: now)
            return DigestPeriod(kind: .day, since: try ms(calendar.date(byAdding: .day, value: -1, to: end).map(calendar.startOfDay(for:))),
                                until: try ms(end))
        case "week":
            calendar.firstWeekday = 2  // ISO weeks start on Monday
            calendar.minimumDaysInFirstWeek = 4
            let end = calendar.dateInterval(of: .weekOfYear, for: now)?.start
            let start = end.flatMap { calendar.date(byAdding: .day, value: -7, to: $0).map(calendar.startOfDay(for:)) }
            return DigestPeriod(kind: .week, since: try ms(start), until: try ms(end))
        default:
            let parts = text.components(separatedBy: "..")
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw Failure(description: "--period takes day, week or SINCE..UNTIL (for example 2026-11-21T00:00:00Z..2026-11-28T00:00:00Z), not \"\(text)\"")
            }
            let since = try TimeExpression.parse(parts[0], nowMilliseconds: nowMilliseconds, timeZone: timeZone, anchors: anchors)
            let until = try TimeExpression.parse(parts[1], nowMilliseconds: nowMilliseconds, timeZone: timeZone, anchors: anchors)
            guard since < until else { throw Failure(description: "--period \(text): the start is not before the end") }
            guard until - since <= maximumLength else {
                throw Failure(description: "--period \(text): a digest covers at most \(maximumLength / 86_400_000) days; "
                    + "use svirt-trace query with --since and --until for longer stretches")
            }
            return DigestPeriod(kind: .range, since: since, until: until)
        }
    }

    /// How the histogram is cut: hours for up to two days, days beyond.
    public var bucketMilliseconds: Int64 {
        length <= 2 * 86_400_000 ? 3_600_000 : 86_400_000
    }

    /// A short name for subjects and headings: `2026-11-28`, `2026-11-23..2026-11-29`, the local
    /// dates of the first and last day covered (days begin at local midnight).
    public var label: String {
        let local = TimeDisplay.local
        let first = String(local.render(milliseconds: since).prefix(10))
        let last = String(local.render(milliseconds: until - 1).prefix(10))
        return first == last ? first : "\(first)..\(last)"
    }
}
