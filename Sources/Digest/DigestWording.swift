import Foundation
import Formatting
import Reports

/// What the text and HTML renderings share: how times, trends and the follow-up commands read.
/// Commands name guests by UUID where there is one, so no log-controlled text is ever part of a
/// command an operator copies into a shell.
public struct DigestWording: Sendable {
    /// Extra arguments every suggested command carries (`--db PATH`), already shell-quoted.
    public var commandSuffix: String

    /// The zone times are shown in: the one the period's day boundaries were taken in.
    public var timeZone: TimeZone

    public init(databasePath: String? = nil, timeZone: TimeZone = LocalZone.current.zone) {
        commandSuffix = databasePath.map { " --db " + Self.shellQuoted($0) } ?? ""
        self.timeZone = timeZone
    }

    /// `2026-11-28 11:15:03 +01:00`: local time with its offset, to the second (TimeDisplay's
    /// rendering without the milliseconds a digest has no use for).
    public func time(_ milliseconds: Int64) -> String {
        let shown = TimeDisplay(timeZone: timeZone).render(milliseconds: milliseconds)
        guard let dot = shown.firstIndex(of: "."), let space = shown[dot...].firstIndex(of: " ") else { return shown }
        return String(shown[..<dot] + shown[space...])
    }

    /// The bucket's label in the histogram, local: hour `10:00` or day `2026-11-28`.
    public func bucket(_ start: Int64, hourly: Bool) -> String {
        let shown = time(start)
        return hourly ? String(shown.dropFirst(11).prefix(5)) : String(shown.prefix(10))
    }

    /// The health section's line for lease data that was incomplete, in local time.
    public func coverageGap(node: String, from: Int64, to: Int64) -> String {
        "lease data incomplete for node \(node) from \(time(from)) to \(time(to)): give --libvirt-state, or a log that starts at boot"
    }

    /// `1 denial`, `20 denials`; `plural` for words that do not just take an s.
    /// The parse-error line's words: parse errors are kept per log source, not per node, so a
    /// digest of some nodes counts every node's (a central log holds several), and says so.
    static func parseErrors(filteredByNode: Bool) -> String {
        filteredByNode ? "parse errors, of every node (they are not kept per node)" : "parse errors"
    }

    public static func count(_ n: Int64, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        count(Int64(n), singular, plural)
    }

    /// `2026-11-28 10:15:03Z`
    public static func time(_ milliseconds: Int64) -> String {
        let iso = Timestamp.iso8601(milliseconds: milliseconds)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8)) + "Z"
    }

    /// The health section's line for lease data that was incomplete (`query coverage` says why).
    public static func coverageGap(node: String, from: Int64, to: Int64) -> String {
        "lease data incomplete for node \(node) from \(time(from)) to \(time(to)): give --libvirt-state, or a log that starts at boot"
    }

    /// The bucket's label in the histogram: hour `10:00` or day `2026-11-28`.
    public static func bucket(_ start: Int64, hourly: Bool) -> String {
        let iso = Timestamp.iso8601(milliseconds: start)
        return hourly ? String(iso.dropFirst(11).prefix(5)) : String(iso.prefix(10))
    }

    /// `ISO` without milliseconds, for `--since`/`--until`.
    public static func argument(_ milliseconds: Int64) -> String {
        Timestamp.iso8601(milliseconds: milliseconds).replacingOccurrences(of: ".000Z", with: "Z")
    }

    /// `▲ +3`, `▼ -2` or `=`.
    public static func trend(_ now: Int64, _ before: Int64) -> String {
        now > before ? "▲ +\(now - before)" : now < before ? "▼ -\(before - now)" : "="
    }

    public static func shellQuoted(_ s: String) -> String { ShellWord.quoted(s) }

    public func range(_ period: DigestPeriod) -> String {
        "--since \(Self.argument(period.since)) --until \(Self.argument(period.until))"
    }

    public func crossGuest(_ period: DigestPeriod) -> String {
        "svirt-trace query cross-guest --detail \(range(period))\(commandSuffix)"
    }

    public func whoTouched(_ uuid: String, _ period: DigestPeriod) -> String {
        "svirt-trace query who-touched \(Self.shellQuoted(uuid)) \(range(period))\(commandSuffix)"
    }

    public func guest(_ uuid: String) -> String {
        "svirt-trace query guest \(Self.shellQuoted(uuid))\(commandSuffix)"
    }

    public func denials(kinds: [String], _ period: DigestPeriod) -> String {
        "svirt-trace query denials " + kinds.map { "--kind \($0)" }.joined(separator: " ") + " \(range(period))\(commandSuffix)"
    }

    public func label(_ level: String, at: Int64) -> String {
        "svirt-trace query label \(Self.shellQuoted(level)) --at \(Self.argument(at))\(commandSuffix)"
    }

    public func events(kinds: [String], _ period: DigestPeriod) -> String {
        "svirt-trace query events " + kinds.map { "--kind \($0)" }.joined(separator: " ") + " \(range(period))\(commandSuffix)"
    }

    /// The command that lists section 5's changes. A clock step is listed for a period that meets
    /// the stretch of stamps it repeats, but stored at its first stamp, which may lie before the
    /// period: the window starts at the earliest change listed (helper-105).
    public func changes(_ d: DigestData) -> String {
        var period = d.period
        period.since = min(period.since, d.changes.map(\.time).min() ?? period.since)
        return events(kinds: Self.changeKinds(d), period)
    }

    public func stats(_ period: DigestPeriod) -> String {
        "svirt-trace query stats \(range(period))\(commandSuffix)"
    }

    /// `▁▂▃▄▅▆▇█`, scaled to the largest bar; `·` for none at all.
    public static func sparkline(_ values: [Int64]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let top = max(1, values.max() ?? 1)
        return String(values.map { $0 == 0 ? "·" : blocks[(Int((Double($0) / Double(top) * 8).rounded(.up)) - 1).clamped(0, 7)] })
    }
}

extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, self)) }
}
