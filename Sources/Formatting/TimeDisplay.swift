import Foundation

/// How tables and prose show a time: the one place they are rendered, so that every table, prose
/// layout and report (the query tables, explain, evidence, the guest timeline) agrees. On a
/// terminal, local time with its offset (`2025-11-25 04:47:25.261 +01:00`), as journalctl and
/// ausearch -i show it; with --utc, or off a terminal, ISO-8601 UTC (`2025-11-25T03:47:25.261Z`).
/// JSON and CSV never use this: they are always ISO-8601 UTC.
public struct TimeDisplay: Sendable {
    /// nil: ISO-8601 UTC.
    public var timeZone: TimeZone?

    public init(timeZone: TimeZone?) { self.timeZone = timeZone }

    public static let utc = TimeDisplay(timeZone: nil)
    /// The zone of the process: $TZ, else /etc/localtime.
    public static var local: TimeDisplay { TimeDisplay(timeZone: LocalZone.current.zone) }

    /// The keys whose values are times in the query outputs (ISO-8601 UTC strings there).
    public static let timeKeys: Set<String> = [
        "time", "first_seen", "last_seen", "from", "to", "since", "until", "last_event", "at", "valid_from", "valid_to",
    ]

    public func render(milliseconds: Int64) -> String {
        guard let timeZone else { return Timestamp.iso8601(milliseconds: milliseconds) }
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let offset = Int64(timeZone.secondsFromGMT(for: date))
        // The wall-clock reading is the UTC rendering of the shifted instant.
        let wall = Timestamp.iso8601(milliseconds: milliseconds + offset * 1000)
        let magnitude = abs(offset)
        let sign = offset < 0 ? "-" : "+"
        let hours = magnitude / 3600, minutes = magnitude % 3600 / 60
        let zone = sign + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
        return String(wall.prefix(10)) + " " + String(wall.dropFirst(11).prefix(12)) + " " + zone
    }

    /// A stored ISO-8601 UTC string (`2025-11-25T03:47:25.261Z`, as the reports write them) in this
    /// display; anything else unchanged.
    public func render(iso text: String) -> String {
        guard timeZone != nil, let ms = Self.milliseconds(iso: text) else { return text }
        return render(milliseconds: ms)
    }

    /// A table cell or prose value: times of the keys in `timeKeys` in this display.
    public func render(key: String, text: String) -> String {
        Self.timeKeys.contains(key) ? render(iso: text) : text
    }

    /// Reads exactly the form `Timestamp.iso8601` writes, without a formatter.
    static func milliseconds(iso text: String) -> Int64? {
        let b = Array(text.utf8)
        guard b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A, b[19] == 0x2E,
              b[23] == 0x5A else { return nil }
        func number(_ from: Int, _ width: Int) -> Int64? {
            var v: Int64 = 0
            for i in from..<(from + width) {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                v = v * 10 + Int64(b[i] - 0x30)
            }
            return v
        }
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2), let hh = number(11, 2),
              let mm = number(14, 2), let ss = number(17, 2), let ms = number(20, 3),
              (1...12).contains(m), (1...31).contains(d), hh < 24, mm < 60, ss < 61 else { return nil }
        return ((Timestamp.days(year: y, month: m, day: d) * 86_400 + hh * 3600 + mm * 60 + ss) * 1000) + ms
    }
}
