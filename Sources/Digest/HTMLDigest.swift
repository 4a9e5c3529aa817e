import Formatting
import Native
import Reports

/// The HTML digest: the same facts as the text one, laid out with tables and one <style> block
/// of classes (no scripts, no images: mail clients drop them). The heatmaps and the bar chart
/// are table cells and blocks with background colours. Every log-controlled string is
/// HTML-escaped; nothing from a log ever lands in an attribute except through the same escaping.
public struct HTMLDigest: Sendable {
    public var wording: DigestWording
    public var scope: String

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
                // Controls, bidirectional marks and invisible characters would hide or reorder text, or
                // break the layout: each is shown as one visible mark.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || HiddenCharacters.isHidden(scalar.value) {
                    out += "&#x2426;"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Every style, once, by class: per-cell styles made a busy day's HTML 150 KB, and mail
    /// clients clip a message over about 102 KB. Clients that keep <style> (most do now) show
    /// the layout; one that drops it still shows plain, readable tables.
    static let styles = """
        body{font:13px sans-serif;color:#222;max-width:980px}
        h1{font:bold 19px sans-serif}
        h2{font:bold 15px sans-serif;margin:18px 0 6px 0;color:#222}
        table.t{border-collapse:collapse;font:13px sans-serif}
        table.t th,table.t td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
        table.t th{background:#f3f3f3}
        table.t td.n{text-align:right}
        .c{font:12px monospace;color:#555}
        .bad{color:#b00020}.good{color:#1b7f3b}.same{color:#555}
        .sev-critical{color:#b00020;font-weight:bold}.sev-high{color:#b35900;font-weight:bold}.sev-warning{color:#7a6a00}
        table.h{border-collapse:collapse;margin-bottom:10px}
        table.h th{padding:3px 6px;font:11px sans-serif;background:#f3f3f3;border:1px solid #fff}
        table.h th.r{text-align:left}
        table.h td{width:44px;height:26px;text-align:center;font:11px sans-serif;border:1px solid #fff}
        td.h1{background:#f7d9d9}td.h2{background:#eeb0b0}td.h3{background:#e08585}td.h4{background:#cc5555;color:#fff}td.h5{background:#b02a2a;color:#fff}
        table.b{border-collapse:collapse;font:11px monospace}
        table.b td{padding:1px 6px}
        div.bar{height:12px;background:#c0392b}
        p.foot{color:#777;font-size:11px}
        """

    public func render(_ d: DigestData) -> String {
        var h = ""
        func e(_ s: String?) -> String { Self.escape(s ?? "-") }
        func add(_ s: String) { h += s + "\n" }
        func command(_ c: String) { add("<div class=\"c\">\(e(c))</div>") }
        func section(_ title: String) { add("<h2>\(e(title))</h2>") }
        func more(_ shown: Int, of total: Int, _ what: String) {
            if total > shown { add("<p>... and \(total - shown) more \(e(what)).</p>") }
        }
        func table(_ headers: [String], _ rows: [[(String, Bool)]]) {
            add("<table class=\"t\"><tr>" + headers.map { "<th>\(e($0))</th>" }.joined() + "</tr>")
            for row in rows {
                add("<tr>" + row.map { $0.1 ? "<td class=\"n\">\($0.0)</td>" : "<td>\($0.0)</td>" }.joined() + "</tr>")
            }
            add("</table>")
        }
        let p = d.period
        let detailed = d.detail != .low
        let cap = d.detail.listCap ?? Int.max
        let periodWord = p.kind == .range ? "period" : p.kind.rawValue
        add("<!DOCTYPE html>")
        add("<html><head><meta charset=\"utf-8\"><title>svirt-trace digest \(e(scope)) \(e(p.label))</title>")
        add("<style>\n\(Self.styles)\n</style></head>")
        add("<body>")
        add("<h1>svirt-trace digest: \(e(scope)), \(e(periodWord)) \(e(p.label))</h1>")
        add("<p>Covers \(e(wording.time(p.since))) to \(e(wording.time(p.until))) (end excluded); compared with the \(e(periodWord)) before.</p>")

        section("1. Headline")
        table(["", "this \(periodWord)", "before", "change"], d.headlineRows.map { name, now, before in
            let trend = now > before ? "bad" : now < before ? "good" : "same"
            return [(e(name), false), ("<b>\(now)</b>", true), ("\(before)", true),
                    ("<span class=\"\(trend)\">\(e(DigestWording.trend(now, before)))</span>", true)]
        })
        if d.headline.allowed > 0 {
            add("<p class=\"bad\"><b>ALLOWED:</b> \(DigestWording.count(d.headline.allowed, "denial")) \(d.headline.allowed == 1 ? "was" : "were") logged in permissive mode; those accesses happened.</p>")
        }

        section("2. Cross-guest attempts: \(DigestWording.count(d.headline.crossGuest, "denial")), \(DigestWording.count(d.pairCount, "pair"))")
        if d.pairs.isEmpty {
            add("<p>None.</p>")
        } else {
            if detailed { heatmaps(d, into: &h) }
            table(["source", "target", "count", "perms", "first", "last", "node"] + (detailed ? ["detail"] : []), d.pairs.map { pair in
                [(e(pair.sourceVM), false), (e(pair.targetVM), false),
                 ("\(pair.count)" + (pair.allowed > 0 ? " <b class=\"bad\">(\(pair.allowed) ALLOWED)</b>" : ""), true),
                 (e(pair.perms.joined(separator: ",")), false), (e(wording.time(pair.first)), false),
                 (e(wording.time(pair.last)), false), (e(ListText.joined(pair.nodes)), false)]
                    + (detailed ? [("<span class=\"c\">\(e(pair.targetUUID.map { wording.whoTouched($0, p) } ?? ""))</span>", false)] : [])
            })
            more(d.pairs.count, of: d.pairCount, "pairs")
            command(wording.crossGuest(p))
        }

        section("3. Guest-host: \(DigestWording.count(d.headline.guestHost, "denial")), most severe first")
        if d.guestHost.isEmpty { add("<p>None.</p>") } else {
            table(["severity", "guest", "host type", "class", "perms", "count", "last", "node"], d.guestHost.map { g in
                [(g.severity.map { "<span class=\"sev-\(e($0))\">\(e($0))</span>" } ?? "-", false), (e(g.sourceVM), false),
                 (e(g.targetType), false), (e(g.tclass), false), (e(g.perms.joined(separator: ",")), false),
                 ("\(g.count)" + (g.allowed > 0 ? " <b class=\"bad\">(\(g.allowed) ALLOWED)</b>" : ""), true),
                 (e(wording.time(g.last)), false), (e(ListText.joined(g.nodes)), false)]
            })
            more(d.guestHost.count, of: d.guestHostCount, "guest/object groups")
            add("<p>Never write an allow rule (audit2allow) for these.</p>")
            command(wording.denials(kinds: ["guest-host"], p))
        }

        section("4. Guests")
        add("<p><b>Most denials</b></p>")
        if d.topGuests.isEmpty { add("<p>None.</p>") } else {
            table(["guest", "as source", "as target"] + (detailed ? ["detail"] : []), d.topGuests.map {
                [(e($0.vm), false), ("\($0.asSource)", true), ("\($0.asTarget)", true)]
                    + (detailed ? [("<span class=\"c\">\(e(wording.guest($0.uuid ?? $0.vm)))</span>", false)] : [])
            })
        }
        add("<p><b>Seen for the first time</b></p>")
        if d.newGuests.isEmpty { add("<p>None.</p>") } else {
            table(["guest", "uuid", "node", "first seen"], d.newGuests.map {
                [(e($0.vm), false), (e($0.uuid), false), (e($0.node), false), (e(wording.time($0.firstSeen)), false)]
            })
        }
        add("<p><b>Unknown labels</b> (svirt labels no guest held)</p>")
        if d.unknownLabels.isEmpty { add("<p>None.</p>") } else {
            table(["label", "as", "count", "last", "node"] + (detailed ? ["detail"] : []), d.unknownLabels.map {
                [(e($0.level), false), (e($0.side), false), ("\($0.count)", true), (e(wording.time($0.last)), false),
                 (e(ListText.joined($0.nodes)), false)]
                    + (detailed ? [("<span class=\"c\">\(e(wording.label($0.level, at: $0.last)))</span>", false)] : [])
            })
            more(d.unknownLabels.count, of: d.unknownLabelCount, "unknown labels")
        }

        section("5. Label collisions and host changes")
        if d.changes.isEmpty { add("<p>None.</p>") } else {
            let changes = d.shownChanges(cap: cap)
            table(["time", "node", "kind", "what", "who"], changes.map { c in
                let who = c.actor ?? "-"
                return [(e(wording.time(c.time)), false), (e(c.node), false), (e(c.kind), false), (e(c.summary), false),
                        (e(who + (c.exe.map { " via \($0)" } ?? "")), false)]
            })
            more(changes.count, of: d.changes.count, d.changes.count - changes.count == 1 ? "change" : "changes")
            command(wording.changes(d))
        }

        section("6. Findings to act on")
        if d.findings.isEmpty { add("<p>None.</p>") } else {
            for group in DigestFindingGroups.needsBoolean(d) {
                add("<p><b>needs-boolean \(e(group.boolean))</b>: \(DigestWording.count(group.guests, "guest")), "
                    + "\(DigestWording.count(group.count, "denial")); if this access is intended: "
                    + "<code>setsebool -P \(e(DigestWording.shellQuoted(group.boolean))) on</code></p>")
                table(["guest", "object", "count"], group.findings.prefix(cap).map { f in
                    [(e(f.sourceVM), false), (e("\(f.tclass) \(f.path ?? "")"), false), ("\(f.count)", true)]
                })
                more(min(cap, group.findings.count), of: group.total.groups, "guests and objects")
            }
            let kinds = ["stale-image", "shared-content-write"]
            let others = kinds.flatMap { kind in d.findings.filter { $0.kind == kind }.prefix(cap) }
            if !others.isEmpty {
                table(["kind", "guest", "object", "count", "what to do"], others.map { f in
                    let advice = f.kind == "stale-image" ? "relabel through libvirt (virsh edit / restart), not chcon"
                        : "mark the disk &lt;shareable/&gt; only if sharing is intended"
                    return [(e(f.kind), false), (e(f.sourceVM), false), (e("\(f.tclass) \(f.path ?? "")"), false),
                            ("\(f.count)", true), (advice, false)]
                })
            }
            for kind in kinds {
                more(min(cap, d.findings.filter { $0.kind == kind }.count), of: d.findingTotal(kind: kind).groups,
                     "\(kind) findings")
            }
            command(wording.denials(kinds: ["needs-boolean", "stale-image", "shared-content-write"], p))
        }

        section("7. Pipeline health")
        table(["node", "events stored", "last event", "state"], d.health.map { n in
            [(e(n.node), false), ("\(n.events)", true), (e(n.lastEvent.map(wording.time) ?? "none in the period or the 30 days before"), false),
             (n.silent ? "<b class=\"bad\">SILENT</b>: nothing for over an hour before the period ended" : "reporting", false)]
        })
        let errors = d.parseErrors.reduce(0) { $0 + $1.count }
        let label = DigestWording.parseErrors(filteredByNode: !d.nodes.isEmpty)
        add("<p>\(label.prefix(1).uppercased() + label.dropFirst()): \(errors)" + (errors > 0 ? " (" + d.parseErrors.map { "\(e($0.reason)): \($0.count)" }.joined(separator: "; ") + ")" : "") + ".<br>")
        add("Possible lost events: \(DigestWording.count(d.missedStops, "guest stop")) not logged (the guest took a new label while its old one was open).</p>")
        for gap in d.coverageGaps {
            add("<p>" + e(wording.coverageGap(node: gap.node, from: gap.from, to: gap.to)) + ".</p>")
        }
        for gap in d.gaps {
            add("<p><b class=\"bad\">Pipeline gap</b> on \(e(gap.node)): events after \(gap.from.map(wording.time) ?? "?") and before \(e(gap.to ?? "?")) may be lost (\(e(gap.path)) rotated away before it was read).</p>")
        }
        command(wording.stats(p))

        if detailed {
            let hourly = p.bucketMilliseconds == 3_600_000
            section("8. Denials per \(hourly ? "hour" : "day")")
            barChart(d.histogram, since: p.since, step: p.bucketMilliseconds, hourly: hourly, into: &h)
            add("<p class=\"c\">\(e(DigestWording.sparkline(d.histogram)))</p>")
        }
        add("<p class=\"foot\">svirt-trace: labels resolved to guests by lease, at each event's own time.</p>")
        add("</body></html>")
        return h
    }

    /// One source × target heatmap per node: the same MCS pair names different guests on
    /// different nodes, so one fleet-wide matrix would mix them.
    private func heatmaps(_ d: DigestData, into h: inout String) {
        let limit = d.detail.matrixCap ?? Int.max
        guard limit > 0 else { return }
        // By bytes, as the stores keep them: two spellings of a name (NFC and NFD) are two nodes.
        var byNode: [ExactText: [DigestData.NodePair]] = [:]
        for pair in d.nodePairs { byNode[ExactText(pair.node), default: []].append(pair) }
        for node in byNode.keys.map(\.text).sorted(by: ExactText.byBytes) {
            h += "<p><b>Node \(Self.escape(node))</b></p>\n"
            heatmap(byNode[ExactText(node)] ?? [], limit: limit, into: &h)
        }
    }

    /// Source × target counts as coloured cells, darker for more (five classes).
    private func heatmap(_ pairs: [DigestData.NodePair], limit: Int, into h: inout String) {
        func rank(_ names: [(String, Int64)]) -> (shown: [String], all: Int) {
            var totals: [ExactText: Int64] = [:]
            for (n, c) in names { totals[ExactText(n), default: 0] += c }
            let ranked = totals.sorted { $0.value != $1.value ? $0.value > $1.value : ExactText.byBytes($0.key.text, $1.key.text) }
            return (ranked.prefix(limit).map(\.key.text), totals.count)
        }
        let sources = rank(pairs.map { ($0.sourceVM, $0.count) })
        let targets = rank(pairs.map { ($0.targetVM, $0.count) })
        // Source, then target: a name may hold any byte, so the two are not joined into one key.
        var counts: [ExactText: [ExactText: Int64]] = [:]
        for pair in pairs { counts[ExactText(pair.sourceVM), default: [:]][ExactText(pair.targetVM), default: 0] += pair.count }
        let top = max(1, counts.values.flatMap(\.values).max() ?? 1)
        h += "<table class=\"h\"><tr><th>source \u{2193} / target \u{2192}</th>"
        h += targets.shown.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr>\n"
        for s in sources.shown {
            h += "<tr><th class=\"r\">\(Self.escape(s))</th>"
            for t in targets.shown {
                let c = counts[ExactText(s)]?[ExactText(t)] ?? 0
                // A square-root scale, so one busy pair does not wash out the rest.
                let level = c == 0 ? 0 : 1 + min(4, Int((Double(c) / Double(top)).squareRoot() * 4.999))
                h += level == 0 ? "<td></td>" : "<td class=\"h\(level)\">\(c)</td>"
            }
            h += "</tr>\n"
        }
        h += "</table>\n"
        if sources.all > sources.shown.count || targets.all > targets.shown.count {
            h += "<p>... and \(sources.all - sources.shown.count) more sources, \(targets.all - targets.shown.count) more targets (in the table below and in query cross-guest).</p>\n"
        }
    }

    /// One row per bucket, the bar a cell whose width follows the count.
    private func barChart(_ values: [Int64], since: Int64, step: Int64, hourly: Bool, into h: inout String) {
        let top = max(1, values.max() ?? 1)
        h += "<table class=\"b\">\n"
        for (i, v) in values.enumerated() {
            let width = v == 0 ? 0 : max(2, Int(Double(v) / Double(top) * 600))
            let label = wording.bucket(since + Int64(i) * step, hourly: hourly)
            h += "<tr><td class=\"same\">\(label)</td><td>"
            // The bar's width is its value: the one style left inline, once per bucket.
            h += width > 0 ? "<div class=\"bar\" style=\"width:\(width)px\"></div>" : ""
            h += "</td><td>\(v)</td></tr>\n"
        }
        h += "</table>\n"
    }
}
