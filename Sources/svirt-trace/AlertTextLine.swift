import Foundation
import Formatting

/// `watch --format text`: one readable line per alert, built from the alert's JSON (the form the
/// ledger keeps, so alerts printed again at start read like the rest):
/// `2025-11-25 04:47:26.000 +01:00 CRITICAL web004 → ci001: read,write on blk_file (cross-guest)  [hv01]  id hv01/…`
/// Every string from the alert goes through `TerminalText.escape`: guest names come from logs.
struct AlertTextLine {
    var timeDisplay: TimeDisplay
    var colour: Bool

    func render(json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return TerminalText.escape(json)
        }
        func text(_ key: String) -> String? { object[key] as? String }
        let severity = text("severity") ?? "?"
        let time = text("time").map { timeDisplay.render(iso: $0) } ?? "?"
        let label = severity.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)
        let badge = colour ? Self.colourCode(severity).map { "\u{1B}[\($0)m" + label + "\u{1B}[0m" } ?? label : label
        var line = time + " " + badge + " " + TerminalText.escape(text("title") ?? "")
        if let node = text("node") { line += "  [" + TerminalText.escape(node) + "]" }
        line += "  id " + TerminalText.escape(text("id") ?? "?")
        return line
    }

    /// As the denials table colours kinds: red for critical, yellow for high, cyan for warning.
    static func colourCode(_ severity: String) -> String? {
        switch severity {
        case "critical": return "1;31"
        case "high": return "33"
        case "warning": return "36"
        default: return nil
        }
    }
}
