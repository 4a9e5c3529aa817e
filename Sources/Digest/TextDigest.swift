import Formatting
import Reports

/// The plain-text digest: what a terminal, `mail` or the text/plain part shows. Every string
/// that came from a log goes through `TerminalText.escape`, so a guest name cannot move the
/// cursor, retitle a terminal or start a new line that looks like one of ours. Lines keep to
/// 78 columns (TextLayout); commands stand on lines of their own.
public struct TextDigest: Sendable {
    public var wording: DigestWording
    public var scope: String

    /// - Parameter scope: the node or fleet name for the heading.
    public init(scope: String, wording: DigestWording) {
        self.scope = scope
        self.wording = wording
    }

    public func render(_ d: DigestData) -> String {
        var out = TextLayout()
        func line(_ s: String = "") { out.prose(s, indent: "", hang: "") }
        func prose(_ s: String, _ indent: String, hang: String = "  ") { out.prose(s, indent: indent, hang: hang) }
        func command(_ c: String, _ indent: String) { out.command(c, indent: indent) }
        func safe(_ s: String?) -> String { TerminalText.escape(s ?? "-") }
        // A log without node= has no node to name ("-" in tables): say nothing rather than "on -".
        func on(_ nodes: [String]) -> String {
            let named = nodes.filter { $0 != "-" }
            return named.isEmpty ? "" : " on " + safe(ListText.joined(named))
        }
        func more(_ shown: Int, of total: Int, _ what: String, _ indent: String = "   ") {
            if total > shown { line(indent + "... and \(total - shown) more \(what)") }
        }
        let p = d.period
        let detailed = d.detail != .low
        let cap = d.detail.listCap ?? Int.max
        let periodWord = p.kind == .range ? "period" : p.kind.rawValue
        prose("svirt-trace digest: \(safe(scope)), \(periodWord) \(p.label)", "")
        // Two lines on purpose: both times with their offsets do not fit one.
        line("Covers \(wording.time(p.since)) to \(wording.time(p.until)),")
        line("end excluded; compared with the \(periodWord) before.")
        out.blank()
        line("1. Headline                   this  before")
        for (name, now, before) in d.headlineRows {
            line("   " + pad(name, 24) + lpad("\(now)", 8) + lpad("\(before)", 8) + "  " + DigestWording.trend(now, before))
        }
        if d.headline.allowed > 0 {
            prose("ALLOWED: \(DigestWording.count(d.headline.allowed, "denial")) \(d.headline.allowed == 1 ? "was" : "were") logged in permissive mode; those accesses happened.", "   ")
        }
        out.blank()
        prose("2. Cross-guest attempts: \(DigestWording.count(d.headline.crossGuest, "denial")), \(DigestWording.count(d.pairCount, "source -> target pair"))", "")
        if d.pairs.isEmpty { line("   none") }
        for pair in d.pairs {
            prose("\(safe(pair.sourceVM)) -> \(safe(pair.targetVM)): \(pair.count)x \(pair.perms.joined(separator: ","))"
                  + (pair.allowed > 0 ? " (\(pair.allowed) ALLOWED)" : ""), "   ")
            let when = pair.first == pair.last ? wording.time(pair.first) : "\(wording.time(pair.first)) .. \(wording.time(pair.last))"
            prose(when + on(pair.nodes), "     ")
            if detailed, let uuid = pair.targetUUID { command(wording.whoTouched(uuid, p), "     ") }
        }
        more(d.pairs.count, of: d.pairCount, "pairs")
        if !d.pairs.isEmpty {
            line("   All of them:")
            command(wording.crossGuest(p), "     ")
        }
        out.blank()
        prose("3. Guest-host: \(DigestWording.count(d.headline.guestHost, "denial")) of guests on host objects, most severe first", "")
        if d.guestHost.isEmpty { line("   none") }
        for g in d.guestHost {
            prose((g.severity.map { $0.uppercased() + " " } ?? "")
                  + "\(safe(g.sourceVM)) -> \(safe(g.targetType)): \(g.count)x \(g.perms.joined(separator: ",")) on \(safe(g.tclass))"
                  + (g.allowed > 0 ? " (\(g.allowed) ALLOWED)" : ""), "   ")
            prose("last \(wording.time(g.last))" + on(g.nodes), "     ")
        }
        more(d.guestHost.count, of: d.guestHostCount, "guest/object groups")
        if !d.guestHost.isEmpty {
            line("   All of them (never write an allow rule for these):")
            command(wording.denials(kinds: ["guest-host"], p), "     ")
        }
        out.blank()
        line("4. Guests")
        line("   Most denials (as source / as target):")
        if d.topGuests.isEmpty { line("     none") }
        for g in d.topGuests {
            line("     \(pad(safe(g.vm), 24)) \(lpad("\(g.asSource)", 7)) / \(g.asTarget)")
            if detailed { command(wording.guest(g.uuid ?? g.vm), "       ") }
        }
        line("   Seen for the first time:")
        if d.newGuests.isEmpty { line("     none") }
        for g in d.newGuests {
            prose("\(safe(g.vm)) (\(g.uuid))\(on([g.node])) from \(wording.time(g.firstSeen))", "     ")
        }
        line("   Unknown labels (svirt labels no guest held):")
        if d.unknownLabels.isEmpty { line("     none") }
        for u in d.unknownLabels {
            prose("\(safe(u.level)) as \(u.side): \(u.count)x, last \(wording.time(u.last))" + on(u.nodes), "     ")
            if detailed { command(wording.label(u.level, at: u.last), "       ") }
        }
        more(d.unknownLabels.count, of: d.unknownLabelCount, "unknown labels", "     ")
        out.blank()
        line("5. Label collisions and host changes")
        if d.changes.isEmpty { line("   none") }
        let changes = d.shownChanges(cap: cap)
        for c in changes {
            prose("\(wording.time(c.time))\(c.node == "-" ? "" : " " + safe(c.node)) \(c.kind): \(safe(c.summary))"
                  + (c.actor.map { " by \(safe($0))" } ?? "") + (c.exe.map { " via \(safe($0))" } ?? ""), "   ", hang: "    ")
        }
        more(changes.count, of: d.changes.count, d.changes.count - changes.count == 1 ? "change" : "changes")
        if !d.changes.isEmpty {
            command(wording.changes(d), "   ")
        }
        out.blank()
        line("6. Findings to act on")
        if d.findings.isEmpty { line("   none") }
        for group in DigestFindingGroups.needsBoolean(d) {
            prose("needs-boolean \(safe(group.boolean)): \(DigestWording.count(group.guests, "guest")), "
                  + "\(DigestWording.count(group.count, "denial")); if intended:", "   ")
            command("setsebool -P \(DigestWording.shellQuoted(group.boolean)) on", "     ")
            for f in group.findings.prefix(cap) {
                prose("\(safe(f.sourceVM)): \(f.tclass) \(safe(f.path)), \(f.count)x", "       ")
            }
            more(min(cap, group.findings.count), of: group.total.groups, "guests and objects", "       ")
        }
        for kind in ["stale-image", "shared-content-write"] {
            let rows = d.findings.filter { $0.kind == kind }
            for f in rows.prefix(cap) {
                let advice = kind == "stale-image" ? "relabel it through libvirt (virsh edit / restart), not chcon"
                    : "mark the disk <shareable/> only if sharing is intended"
                prose("\(kind): \(safe(f.sourceVM)) -> \(safe(f.path)): \(f.count)x; \(advice)", "   ")
            }
            more(min(cap, rows.count), of: d.findingTotal(kind: kind).groups, "\(kind) findings")
        }
        if !d.findings.isEmpty {
            command(wording.denials(kinds: ["needs-boolean", "stale-image", "shared-content-write"], p), "   ")
        }
        out.blank()
        line("7. Pipeline health")
        for n in d.health {
            prose("node \(safe(n.node)): \(DigestWording.count(n.events, "event")) stored, last \(n.lastEvent.map(wording.time) ?? "none in the period or the 30 days before")"
                  + (n.silent ? "; SILENT: nothing for over an hour before the period ended" : ""), "   ")
        }
        if d.health.isEmpty { line("   no node reported anything") }
        let errors = d.parseErrors.reduce(0) { $0 + $1.count }
        prose("\(DigestWording.parseErrors(filteredByNode: !d.nodes.isEmpty)): \(errors)" + (errors > 0 ? " (" + d.parseErrors.map { "\(safe($0.reason)): \($0.count)" }.joined(separator: "; ") + ")" : ""), "   ")
        prose("possible lost events: \(DigestWording.count(d.missedStops, "guest stop")) not logged (the guest took a new label while its old one was open)", "   ")
        for gap in d.coverageGaps {
            prose(wording.coverageGap(node: safe(gap.node), from: gap.from, to: gap.to), "   ")
        }
        for gap in d.gaps {
            prose("PIPELINE GAP on \(safe(gap.node)): events after \(gap.from.map(wording.time) ?? "?") and before \(safe(gap.to ?? "?")) may be lost (\(safe(gap.path)) rotated away before it was read)", "   ")
        }
        command(wording.stats(p), "   ")
        if detailed {
            out.blank()
            let hourly = p.bucketMilliseconds == 3_600_000
            let unit = hourly ? "hour" : "day"
            line("8. Denials per \(unit) (\(d.histogram.reduce(0, +)) in all, peak \(d.histogram.max() ?? 0))")
            prose(DigestWording.sparkline(d.histogram), "   ")
            prose("from \(wording.bucket(p.since, hourly: hourly)) to \(wording.bucket(p.until - p.bucketMilliseconds, hourly: hourly)), one mark per \(unit)", "   ")
        }
        out.blank()
        line("-- svirt-trace: labels resolved to guests by lease, at each event's own time.")
        return out.text
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private func lpad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}
