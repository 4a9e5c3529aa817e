import Foundation

/// The time forms `--since`, `--until` and `--at` accept: ausearch's words (with `boot` and
/// `checkpoint`), journalctl's relative forms (`-1h`, `+30min`, `2 hours ago`), ISO-8601,
/// `YYYY-MM-DD [HH:MM[:SS]]` and ausearch's `MM/DD/YYYY [HH:MM:SS]` in local time. `now`, the time
/// zone and the anchors (boot, checkpoint) are inputs, so tests pin them.
public enum TimeExpression {
    /// 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z, in milliseconds. The audit clock
    /// counts unsigned seconds from 1970, and every report prints four-digit years. (Foundation
    /// also reads dates before 1583 in the Julian calendar, which the reports do not use.)
    public static let range: ClosedRange<Int64> = 0...253_402_300_799_999

    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var text: String
        /// Set when the text has a valid form but names a time outside `range`.
        public var outOfRange = false
        /// Set when the text is a word whose time is unknown here (no checkpoint saved, no boot time).
        public var reason: String?

        public init(text: String, outOfRange: Bool = false, reason: String? = nil) {
            self.text = text
            self.outOfRange = outOfRange
            self.reason = reason
        }

        public var description: String {
            if let reason { return "cannot read the time \"\(text)\": \(reason)" }
            if outOfRange {
                return "the time \"\(text)\" is outside 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z "
                    + "(@\(TimeExpression.range.lowerBound / 1000) to @\(TimeExpression.range.upperBound / 1000))"
            }
            return "cannot read the time \"\(text)\": use now, recent, today, yesterday, this-week, week-ago, "
                + "this-month, this-year, boot, checkpoint, -1h, -30min, \"2 hours ago\", ISO-8601 (2026-11-28T10:15:00Z), "
                + "YYYY-MM-DD [HH:MM[:SS]] or MM/DD/YYYY [HH:MM[:SS]] (local time), or @EPOCH-SECONDS"
        }
    }

    /// Milliseconds since the epoch, within `range`.
    public static func parse(_ text: String, nowMilliseconds: Int64, timeZone: TimeZone = LocalZone.current.zone,
                             anchors: TimeAnchors = TimeAnchors()) throws -> Int64 {
        guard range.contains(nowMilliseconds) else { throw Failure(text: "now (@\(nowMilliseconds / 1000))", outOfRange: true) }
        let value = try resolve(text, nowMilliseconds: nowMilliseconds, timeZone: timeZone, anchors: anchors)
        guard range.contains(value) else { throw Failure(text: text, outOfRange: true) }
        return value
    }

    private static func resolve(_ text: String, nowMilliseconds: Int64, timeZone: TimeZone, anchors: TimeAnchors) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 1  // Sunday, as ausearch's C locale
        let now = Date(timeIntervalSince1970: Double(nowMilliseconds) / 1000)
        // Days start at their first instant, taken again after stepping back a day: today's
        // may be 01:00 (midnight skipped for daylight saving time) where yesterday's was 00:00.
        let midnight = calendar.startOfDay(for: now)
        func ms(_ date: Date?) throws -> Int64 {
            guard let date, let value = milliseconds(date.timeIntervalSince1970) else { throw Failure(text: text, outOfRange: true) }
            return value
        }
        switch trimmed {
        case "now": return nowMilliseconds
        case "recent": return nowMilliseconds - 10 * 60 * 1000
        case "today": return try ms(midnight)
        case "yesterday": return try ms(calendar.date(byAdding: .day, value: -1, to: midnight).map(calendar.startOfDay(for:)))
        case "boot":
            guard let boot = anchors.boot else { throw Failure(text: text, reason: "this host's boot time is unknown (no btime in /proc/stat)") }
            return boot
        case "checkpoint":
            guard let checkpoint = anchors.checkpoint else { throw Failure(text: text, reason: anchors.checkpointMissing) }
            return checkpoint
        case "week-ago": return try ms(calendar.date(byAdding: .day, value: -7, to: midnight).map(calendar.startOfDay(for:)))
        case "this-week": return try ms(calendar.dateInterval(of: .weekOfYear, for: now)?.start)
        case "this-month": return try ms(calendar.dateInterval(of: .month, for: now)?.start)
        case "this-year": return try ms(calendar.dateInterval(of: .year, for: now)?.start)
        default: break
        }
        if trimmed.hasPrefix("@") {
            guard let seconds = Double(trimmed.dropFirst()), seconds.isFinite else { throw Failure(text: text) }
            guard let value = milliseconds(seconds) else { throw Failure(text: text, outOfRange: true) }
            return value
        }
        if let span = RelativeTime.milliseconds(trimmed) {
            // Added in Double: an absurd span must become a message, never an overflow trap.
            let value = Double(nowMilliseconds) + span
            guard value.isFinite, value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
                throw Failure(text: text, outOfRange: true)
            }
            return Int64(value.rounded())
        }
        if let value = ISO8601Time.milliseconds(trimmed) {
            guard range.contains(value) else { throw Failure(text: text, outOfRange: true) }
            return value
        }
        if let date = try localDate(trimmed, calendar: calendar) { return try ms(date) }
        // A bare span (`30d`, as --older-than and --retain take it) is no time by journalctl's
        // rule, but what was meant is plain: say how to write it.
        if (try? RetentionPeriod(trimmed)) != nil
            || (trimmed.contains(where: \.isLetter) && RelativeTime.milliseconds("-" + trimmed) != nil) {
            throw Failure(text: text, reason: "a span needs a sign or \"ago\", as in journalctl: -\(trimmed) or \"\(trimmed) ago\"")
        }
        throw Failure(text: text)
    }

    /// Seconds since the epoch as milliseconds, or nil outside `range` (checked before the
    /// conversion, which would trap on a value that does not fit).
    public static func milliseconds(_ seconds: Double) -> Int64? {
        let ms = (seconds * 1000).rounded()
        guard ms.isFinite, ms >= Double(range.lowerBound), ms <= Double(range.upperBound) else { return nil }
        return Int64(ms)
    }

    /// `2026-11-28T10:15:00Z`, with optional fractional seconds and a `Z` or `±HH:MM` zone.
    static func iso8601(_ text: String) -> Int64? {
        ISO8601Time.milliseconds(text)
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM-DD HH:MM:SS`, or the same with `T` and no zone;
    /// and ausearch's `MM/DD/YYYY [HH:MM:SS]` (its C-locale date; HH:MM is also taken).
    ///
    /// A date whose midnight the clocks skipped (a daylight-saving change at midnight) starts at
    /// its first instant, as `today` does; a time they skipped is refused with that reason.
    static func localDate(_ text: String, calendar: Calendar) throws -> Date? {
        guard text.last != "T" else { return nil }
        let slashed = text.contains("/")
        let parts = text.split(whereSeparator: { $0 == " " || (!slashed && $0 == "T") })
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let datePieces = parts[0].split(separator: slashed ? "/" : "-", omittingEmptySubsequences: false)
        let date = datePieces.map { piece in piece.allSatisfy(\.isASCII) && piece.allSatisfy(\.isNumber) ? Int(piece) : nil }
        guard date.count == 3 else { return nil }
        // YYYY-MM-DD, or MM/DD/YYYY with a four-digit year (a two-digit one would be a guess).
        let (yearAt, monthAt, dayAt) = slashed ? (2, 0, 1) : (0, 1, 2)
        guard datePieces[yearAt].count == 4, let year = date[yearAt], let month = date[monthAt], let day = date[dayAt]
        else { return nil }
        var clock: [Int] = [0, 0, 0]
        if parts.count == 2 {
            let pieces = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            let fields = pieces.compactMap { Int($0) }
            guard fields.count == pieces.count, fields.count == 2 || fields.count == 3 else { return nil }
            for (i, f) in fields.enumerated() { clock[i] = f }
        }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (clock[0], clock[1], clock[2])
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: 0)!
        // Valid on a calendar without gaps: a real date and time of day.
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(clock[0]),
              (0...59).contains(clock[1]), (0...60).contains(clock[2]), components.isValidDate(in: utc),
              let resolved = calendar.date(from: components) else { return nil }
        guard !components.isValidDate(in: calendar) else { return resolved }
        if parts.count == 1 { return calendar.startOfDay(for: resolved) }
        let zone = calendar.timeZone.identifier
        throw Failure(text: text, reason: "\(parts[1]) on \(parts[0]) does not exist in local time (\(zone)): "
                      + "the clocks skipped it for daylight saving time; give a time before or after, or ISO-8601 with its offset")
    }
}
