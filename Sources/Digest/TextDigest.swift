import Formatting
import Reports

/// The plain-text digest: what a terminal, `mail` or the text/plain part shows. Every string
/// that came from a log goes through `TerminalText.escape`, so a guest name cannot move the
/// cursor, retitle a terminal or start a new line that looks like one of ours.
public struct TextDigest: Sendable {
    public var wording: DigestWording
    public var scope: String

    /// - Parameter scope: the node or fleet name for the heading.
    public init(scope: String, wording: DigestWording) {
        self.scope = scope
        self.wording = wording
    }

    public func render(_ d: DigestData) -> String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        func safe(_ s: String?) -> String { TerminalText.escape(s ?? "-") }
        let p = d.period
        line("svirt-trace digest: \(safe(scope)), \(p.kind == .range ? "period" : p.kind.rawValue) \(p.label)")
        line("Covers \(DigestWording.time(p.since)) to \(DigestWording.time(p.until)) (end excluded); compared with the \(p.kind == .range ? "period" : p.kind.rawValue) before.")
        line()
        line("1. Headline                   this  before")
        for (name, now, before) in d.headlineRows {
            line("   " + pad(name, 24) + lpad("\(now)", 8) + lpad("\(before)", 8) + "  " + DigestWording.trend(now, before))
        }
        if d.headline.allowed > 0 {
            line("   ALLOWED: \(d.headline.allowed) denials were logged in permissive mode; those accesses happened.")
        }
        line()
        line("2. Cross-guest attempts: \(d.headline.crossGuest) denials, \(d.pairCount) source -> target pairs")
        if d.pairs.isEmpty { line("   none") }
        for pair in d.pairs {
            line("   \(safe(pair.sourceVM)) -> \(safe(pair.targetVM)): \(pair.count)x \(pair.perms.joined(separator: ","))"
                 + (pair.allowed > 0 ? " (\(pair.allowed) ALLOWED)" : ""))
            line("     \(DigestWording.time(pair.first)) .. \(DigestWording.time(pair.last)) on \(safe(pair.nodes.joined(separator: ",")))")
            if let uuid = pair.targetUUID { line("     " + wording.whoTouched(uuid, p)) }
        }
        if d.pairCount > d.pairs.count { line("   ... and \(d.pairCount - d.pairs.count) more pairs") }
        if !d.pairs.isEmpty { line("   All of them: " + wording.crossGuest(p)) }
        line()
        line("3. Guests")
        line("   Most denials (as source / as target):")
        if d.topGuests.isEmpty { line("     none") }
        for g in d.topGuests {
            line("     \(pad(safe(g.vm), 24)) \(lpad("\(g.asSource)", 7)) / \(g.asTarget)   " + wording.guest(g.uuid ?? g.vm))
        }
        line("   Seen for the first time:")
        if d.newGuests.isEmpty { line("     none") }
        for g in d.newGuests {
            line("     \(safe(g.vm)) (\(g.uuid)) on \(safe(g.node)) from \(DigestWording.time(g.firstSeen))")
        }
        line("   Unknown labels (svirt labels no guest held):")
        if d.unknownLabels.isEmpty { line("     none") }
        for u in d.unknownLabels {
            line("     \(safe(u.level)) as \(u.side): \(u.count)x, last \(DigestWording.time(u.last)) on \(safe(u.nodes.joined(separator: ",")))")
            line("       " + wording.label(u.level, at: u.last))
        }
        line()
        line("4. Label collisions and policy changes")
        if d.changes.isEmpty { line("   none") }
        for c in d.changes {
            line("   \(DigestWording.time(c.time)) \(safe(c.node)) \(c.kind): \(safe(c.summary))"
                 + (c.actor.map { " by \(safe($0))" } ?? "") + (c.exe.map { " via \(safe($0))" } ?? ""))
        }
        if !d.changes.isEmpty {
            line("   " + wording.events(kinds: DigestWording.changeKinds(d), p))
        }
        line()
        line("5. Findings to act on")
        if d.findings.isEmpty { line("   none") }
        for f in d.findings {
            switch f.kind {
            case "needs-boolean":
                line("   needs-boolean: \(safe(f.sourceVM)) \(f.tclass) \(safe(f.path)): \(f.count)x; if this access is intended:")
                line("     setsebool -P \(safe(f.boolean)) on")
            case "stale-image":
                line("   stale-image: \(safe(f.sourceVM)) -> \(safe(f.path)): \(f.count)x; relabel it through libvirt (virsh edit / restart), not chcon")
            default:
                line("   shared-content-write: \(safe(f.sourceVM)) -> \(safe(f.path)): \(f.count)x; mark the disk <shareable/> only if sharing is intended")
            }
        }
        if !d.findings.isEmpty {
            line("   " + wording.denials(kinds: ["needs-boolean", "stale-image", "shared-content-write"], p))
        }
        line()
        line("6. Pipeline health")
        for n in d.health {
            line("   node \(safe(n.node)): \(n.events) events stored, last \(n.lastEvent.map(DigestWording.time) ?? "none in the period or the 30 days before")"
                 + (n.silent ? "  SILENT: nothing for over an hour before the period ended" : ""))
        }
        if d.health.isEmpty { line("   no node reported anything") }
        let errors = d.parseErrors.reduce(0) { $0 + $1.count }
        line("   parse errors: \(errors)" + (errors > 0 ? " (" + d.parseErrors.map { "\(safe($0.reason)): \($0.count)" }.joined(separator: "; ") + ")" : ""))
        line("   possible lost events: \(d.missedStops) guest stops not logged (the guest took a new label while its old one was open)")
        for gap in d.coverageGaps {
            line("   " + DigestWording.coverageGap(node: safe(gap.node), from: gap.from, to: gap.to))
        }
        for gap in d.gaps {
            line("   PIPELINE GAP on \(safe(gap.node)): events after \(gap.from.map(Timestamp.iso8601(milliseconds:)) ?? "?") and before \(safe(gap.to ?? "?")) may be lost (\(safe(gap.path)) rotated away before it was read)")
        }
        line("   " + wording.stats(p))
        line()
        let hourly = p.bucketMilliseconds == 3_600_000
        line("7. Denials per \(hourly ? "hour" : "day") (\(d.histogram.reduce(0, +)) in all, peak \(d.histogram.max() ?? 0))")
        line("   " + DigestWording.sparkline(d.histogram))
        line("   from \(DigestWording.bucket(p.since, hourly: hourly)) to \(DigestWording.bucket(p.until - p.bucketMilliseconds, hourly: hourly)), one mark per \(hourly ? "hour" : "day")")
        line()
        line("-- svirt-trace: labels resolved to guests by lease, at each event's own time.")
        return out.joined(separator: "\n") + "\n"
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private func lpad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}
