import Foundation

/// The time forms `--since`, `--until` and `--at` accept: ausearch's words, ISO-8601, and
/// `YYYY-MM-DD [HH:MM[:SS]]` in local time. `now` and the time zone are inputs, so tests pin them.
public enum TimeExpression {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var text: String
        public var description: String {
            "cannot read the time \"\(text)\": use now, recent, today, yesterday, this-week, week-ago, this-month, this-year, "
                + "ISO-8601 (2026-11-28T10:15:00Z), YYYY-MM-DD [HH:MM[:SS]] (local time) or @EPOCH-SECONDS"
        }
    }

    /// Milliseconds since the epoch.
    public static func parse(_ text: String, nowMilliseconds: Int64, timeZone: TimeZone = .current) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 1  // Sunday, as ausearch's C locale
        let now = Date(timeIntervalSince1970: Double(nowMilliseconds) / 1000)
        let midnight = calendar.startOfDay(for: now)
        func ms(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        switch trimmed {
        case "now": return nowMilliseconds
        case "recent": return nowMilliseconds - 10 * 60 * 1000
        case "today": return ms(midnight)
        case "yesterday": return ms(calendar.date(byAdding: .day, value: -1, to: midnight)!)
        case "week-ago": return ms(calendar.date(byAdding: .day, value: -7, to: midnight)!)
        case "this-week":
            return ms(calendar.dateInterval(of: .weekOfYear, for: now)!.start)
        case "this-month":
            return ms(calendar.dateInterval(of: .month, for: now)!.start)
        case "this-year":
            return ms(calendar.dateInterval(of: .year, for: now)!.start)
        default: break
        }
        if trimmed.hasPrefix("@"), let seconds = Double(trimmed.dropFirst()), seconds.isFinite {
            return Int64((seconds * 1000).rounded())
        }
        if let value = iso8601(trimmed) { return value }
        if let value = local(trimmed, calendar: calendar) { return value }
        throw Failure(text: text)
    }

    /// `2026-11-28T10:15:00Z`, with optional fractional seconds and a `Z` or `±HH:MM` zone.
    static func iso8601(_ text: String) -> Int64? {
        guard text.contains("T") else { return nil }
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        }
        return nil
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM-DD HH:MM:SS`, or the same with `T` and no zone.
    static func local(_ text: String, calendar: Calendar) -> Int64? {
        guard text.last != "T" else { return nil }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard date.count == 3, let year = date[0], let month = date[1], let day = date[2],
              parts[0].split(separator: "-")[0].count == 4 else { return nil }
        var clock: [Int] = [0, 0, 0]
        if parts.count == 2 {
            let fields = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard fields.count == 2 || fields.count == 3, fields.allSatisfy({ $0 != nil }) else { return nil }
            for (i, f) in fields.enumerated() { clock[i] = f! }
        }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (clock[0], clock[1], clock[2])
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(clock[0]),
              (0...59).contains(clock[1]), (0...60).contains(clock[2]), components.isValidDate(in: calendar),
              let resolved = calendar.date(from: components) else { return nil }
        return Int64((resolved.timeIntervalSince1970 * 1000).rounded())
    }
}
