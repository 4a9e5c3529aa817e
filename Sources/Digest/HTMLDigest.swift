import Formatting
import Reports

/// The HTML digest: the same facts as the text one, laid out with tables and inline styles
/// only, because mail clients drop style sheets, scripts and (by default) images. The heatmap
/// and the bar chart are table cells with background colours. Every log-controlled string is
/// HTML-escaped; nothing from a log ever lands in an attribute except through the same escaping.
public struct HTMLDigest: Sendable {
    public var wording: DigestWording
    public var scope: String
    /// Guests per heatmap axis; the rest are counted under "others".
    public var matrixLimit = 12

    public init(scope: String, wording: DigestWording) {
        self.scope = scope
        self.wording = wording
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Controls would be invisible or break the layout: show them as code points.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                    || (0x2066...0x2069).contains(scalar.value) {
                    out += "&#x2426;"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static let cell = "padding:3px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top"
    private static let numberCell = "padding:3px 8px;border-bottom:1px solid #ddd;text-align:right;vertical-align:top"
    private static let heading = "font:bold 15px sans-serif;margin:18px 0 6px 0;color:#222"
    private static let code = "font:12px monospace;color:#555"

    public func render(_ d: DigestData) -> String {
        var h = ""
        func e(_ s: String?) -> String { Self.escape(s ?? "-") }
        func add(_ s: String) { h += s + "\n" }
        func command(_ c: String) { add("<div style=\"\(Self.code)\">\(e(c))</div>") }
        func section(_ title: String) { add("<h2 style=\"\(Self.heading)\">\(e(title))</h2>") }
        func table(_ headers: [String], _ rows: [[(String, Bool)]]) {
            add("<table style=\"border-collapse:collapse;font:13px sans-serif\"><tr>"
                + headers.map { "<th style=\"\(Self.cell);background:#f3f3f3\">\(e($0))</th>" }.joined() + "</tr>")
            for row in rows {
                add("<tr>" + row.map { "<td style=\"\($0.1 ? Self.numberCell : Self.cell)\">\($0.0)</td>" }.joined() + "</tr>")
            }
            add("</table>")
        }
        let p = d.period
        let periodWord = p.kind == .range ? "period" : p.kind.rawValue
        add("<!DOCTYPE html>")
        add("<html><head><meta charset=\"utf-8\"><title>svirt-trace digest \(e(scope)) \(e(p.label))</title></head>")
        add("<body style=\"font:13px sans-serif;color:#222;max-width:980px\">")
        add("<h1 style=\"font:bold 19px sans-serif\">svirt-trace digest: \(e(scope)), \(e(periodWord)) \(e(p.label))</h1>")
        add("<p>Covers \(e(DigestWording.time(p.since))) to \(e(DigestWording.time(p.until))) (end excluded); compared with the \(e(periodWord)) before.</p>")

        section("1. Headline")
        table(["", "this \(periodWord)", "before", "change"], d.headlineRows.map { name, now, before in
            let colour = now > before ? "#b00020" : now < before ? "#1b7f3b" : "#555"
            return [(e(name), false), ("<b>\(now)</b>", true), ("\(before)", true),
                    ("<span style=\"color:\(colour)\">\(e(DigestWording.trend(now, before)))</span>", true)]
        })
        if d.headline.allowed > 0 {
            add("<p style=\"color:#b00020\"><b>ALLOWED:</b> \(d.headline.allowed) denials were logged in permissive mode; those accesses happened.</p>")
        }

        section("2. Cross-guest attempts: \(d.headline.crossGuest) denials, \(d.pairCount) pairs")
        if d.pairs.isEmpty {
            add("<p>None.</p>")
        } else {
            heatmap(d.pairs, into: &h)
            table(["source", "target", "count", "perms", "first", "last", "node", "detail"], d.pairs.map { pair in
                [(e(pair.sourceVM), false), (e(pair.targetVM), false),
                 ("\(pair.count)" + (pair.allowed > 0 ? " <b style=\"color:#b00020\">(\(pair.allowed) ALLOWED)</b>" : ""), true),
                 (e(pair.perms.joined(separator: ",")), false), (e(DigestWording.time(pair.first)), false),
                 (e(DigestWording.time(pair.last)), false), (e(pair.nodes.joined(separator: ",")), false),
                 ("<span style=\"\(Self.code)\">\(e(pair.targetUUID.map { wording.whoTouched($0, p) } ?? ""))</span>", false)]
            })
            if d.pairCount > d.pairs.count { add("<p>... and \(d.pairCount - d.pairs.count) more pairs.</p>") }
            command(wording.crossGuest(p))
        }

        section("3. Guests")
        add("<p><b>Most denials</b></p>")
        if d.topGuests.isEmpty { add("<p>None.</p>") } else {
            table(["guest", "as source", "as target", "detail"], d.topGuests.map {
                [(e($0.vm), false), ("\($0.asSource)", true), ("\($0.asTarget)", true),
                 ("<span style=\"\(Self.code)\">\(e(wording.guest($0.uuid ?? $0.vm)))</span>", false)]
            })
        }
        add("<p><b>Seen for the first time</b></p>")
        if d.newGuests.isEmpty { add("<p>None.</p>") } else {
            table(["guest", "uuid", "node", "first seen"], d.newGuests.map {
                [(e($0.vm), false), (e($0.uuid), false), (e($0.node), false), (e(DigestWording.time($0.firstSeen)), false)]
            })
        }
        add("<p><b>Unknown labels</b> (svirt labels no guest held)</p>")
        if d.unknownLabels.isEmpty { add("<p>None.</p>") } else {
            table(["label", "as", "count", "last", "node", "detail"], d.unknownLabels.map {
                [(e($0.level), false), (e($0.side), false), ("\($0.count)", true), (e(DigestWording.time($0.last)), false),
                 (e($0.nodes.joined(separator: ",")), false),
                 ("<span style=\"\(Self.code)\">\(e(wording.label($0.level, at: $0.last)))</span>", false)]
            })
        }

        section("4. Label collisions and policy changes")
        if d.changes.isEmpty { add("<p>None.</p>") } else {
            table(["time", "node", "kind", "what", "who"], d.changes.map { c in
                let who = c.actor ?? "-"
                return [(e(DigestWording.time(c.time)), false), (e(c.node), false), (e(c.kind), false), (e(c.summary), false),
                        (e(who + (c.exe.map { " via \($0)" } ?? "")), false)]
            })
            command(wording.events(kinds: DigestWording.changeKinds(d), p))
        }

        section("5. Findings to act on")
        if d.findings.isEmpty { add("<p>None.</p>") } else {
            table(["kind", "guest", "object", "count", "what to do"], d.findings.map { f in
                let advice: String
                switch f.kind {
                case "needs-boolean": advice = "if intended: <code>setsebool -P \(e(f.boolean)) on</code>"
                case "stale-image": advice = "relabel through libvirt (virsh edit / restart), not chcon"
                default: advice = "mark the disk &lt;shareable/&gt; only if sharing is intended"
                }
                return [(e(f.kind), false), (e(f.sourceVM), false), (e("\(f.tclass) \(f.path ?? "")"), false),
                        ("\(f.count)", true), (advice, false)]
            })
            command(wording.denials(kinds: ["needs-boolean", "stale-image", "shared-content-write"], p))
        }

        section("6. Pipeline health")
        table(["node", "events stored", "last event", "state"], d.health.map { n in
            [(e(n.node), false), ("\(n.events)", true), (e(n.lastEvent.map(DigestWording.time) ?? "none in the period or the 30 days before"), false),
             (n.silent ? "<b style=\"color:#b00020\">SILENT</b>: nothing for over an hour before the period ended" : "reporting", false)]
        })
        let errors = d.parseErrors.reduce(0) { $0 + $1.count }
        add("<p>Parse errors: \(errors)" + (errors > 0 ? " (" + d.parseErrors.map { "\(e($0.reason)): \($0.count)" }.joined(separator: "; ") + ")" : "") + ".<br>")
        add("Possible lost events: \(d.missedStops) guest stops not logged (the guest took a new label while its old one was open).</p>")
        for gap in d.coverageGaps {
            add("<p>" + e(DigestWording.coverageGap(node: gap.node, from: gap.from, to: gap.to)) + ".</p>")
        }
        for gap in d.gaps {
            add("<p><b style=\"color:#b00020\">Pipeline gap</b> on \(e(gap.node)): events after \(gap.from.map(Timestamp.iso8601(milliseconds:)) ?? "?") and before \(e(gap.to ?? "?")) may be lost (\(e(gap.path)) rotated away before it was read).</p>")
        }
        command(wording.stats(p))

        let hourly = p.bucketMilliseconds == 3_600_000
        section("7. Denials per \(hourly ? "hour" : "day")")
        barChart(d.histogram, since: p.since, step: p.bucketMilliseconds, hourly: hourly, into: &h)
        add("<p style=\"\(Self.code)\">\(e(DigestWording.sparkline(d.histogram)))</p>")
        add("<p style=\"color:#777;font-size:11px\">svirt-trace: labels resolved to guests by lease, at each event's own time.</p>")
        add("</body></html>")
        return h
    }

    /// Source × target counts as coloured cells, darker for more.
    private func heatmap(_ pairs: [DigestData.Pair], into h: inout String) {
        func rank(_ names: [(String, Int64)]) -> [String] {
            var totals: [String: Int64] = [:]
            for (n, c) in names { totals[n, default: 0] += c }
            return totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(matrixLimit).map(\.key)
        }
        let sources = rank(pairs.map { ($0.sourceVM, $0.count) })
        let targets = rank(pairs.map { ($0.targetVM, $0.count) })
        var counts: [String: Int64] = [:]
        for pair in pairs { counts["\(pair.sourceVM)\u{0}\(pair.targetVM)", default: 0] += pair.count }
        let top = max(1, counts.values.max() ?? 1)
        let th = "padding:3px 6px;font:11px sans-serif;background:#f3f3f3;border:1px solid #fff"
        h += "<table style=\"border-collapse:collapse;margin-bottom:10px\"><tr><th style=\"\(th)\">source \u{2193} / target \u{2192}</th>"
        h += targets.map { "<th style=\"\(th)\">\(Self.escape($0))</th>" }.joined() + "</tr>\n"
        for s in sources {
            h += "<tr><th style=\"\(th);text-align:left\">\(Self.escape(s))</th>"
            for t in targets {
                let c = counts["\(s)\u{0}\(t)"] ?? 0
                // White to deep red along a square-root scale, so one busy pair does not wash out the rest.
                let level = c == 0 ? 0 : 0.15 + 0.85 * (Double(c) / Double(top)).squareRoot()
                let red = 255 - Int(level * 80), other = 255 - Int(level * 225)
                let colour = "rgb(\(red),\(other),\(other))"
                let text = level > 0.6 ? "#fff" : "#222"
                h += "<td style=\"width:44px;height:26px;text-align:center;font:11px sans-serif;border:1px solid #fff;background:\(colour);color:\(text)\">\(c == 0 ? "" : String(c))</td>"
            }
            h += "</tr>\n"
        }
        h += "</table>\n"
    }

    /// One row per bucket, the bar a cell whose width follows the count.
    private func barChart(_ values: [Int64], since: Int64, step: Int64, hourly: Bool, into h: inout String) {
        let top = max(1, values.max() ?? 1)
        h += "<table style=\"border-collapse:collapse;font:11px monospace\">\n"
        for (i, v) in values.enumerated() {
            let width = v == 0 ? 0 : max(2, Int(Double(v) / Double(top) * 600))
            let label = DigestWording.bucket(since + Int64(i) * step, hourly: hourly)
            h += "<tr><td style=\"padding:1px 6px;color:#555\">\(label)</td><td style=\"padding:1px 0\">"
            h += width > 0 ? "<table style=\"border-collapse:collapse\"><tr><td style=\"width:\(width)px;height:12px;background:#c0392b;font-size:1px\">&nbsp;</td></tr></table>" : ""
            h += "</td><td style=\"padding:1px 6px\">\(v)</td></tr>\n"
        }
        h += "</table>\n"
    }
}
