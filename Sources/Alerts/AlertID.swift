import Foundation

/// Alert ids, derived from what an alert is about so that a replay, or a restart after a crash,
/// raises an alert again under the same id:
///
/// - an event's alert: `NODE/TIME.MS:SERIAL/RULE` (`-` for logs without node=; `#2`, `#3` for a
///   second or third alert of one rule from the same event);
/// - a dedupe follow-up: the window's first alert's id + `/repeats`;
/// - a rate-limit report: the first withheld alert's id + `/rate-limited`;
/// - a sink queue report: the first alert that did not fit + `/queue-full/SINK`.
///
/// `%` and `/` inside a node or rule name are percent-encoded, so the parts stay apart.
public enum AlertID {
    public static func event(node: String?, stamp: String, rule: String) -> String {
        "\(node.map(part) ?? "-")/\(stamp)/\(part(rule))"
    }

    public static func followUp(of first: String) -> String { first + "/repeats" }

    public static func rateLimited(from first: String) -> String { first + "/rate-limited" }

    public static func queueFull(sink: String, from first: String) -> String { first + "/queue-full/" + part(sink) }

    static func part(_ text: String) -> String {
        guard text.contains(where: { $0 == "/" || $0 == "%" }) else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }
}
