import Formatting
import Foundation
import Native
import Store

/// Reads what a digest reports for one period (and the headline of the period before) through
/// the time indexes, so a week out of a year of denials costs a scan of that week only.
public struct DigestQuery: Sendable {
    public var period: DigestPeriod
    /// Only these nodes ('-' for logs without node=); empty for all.
    public var nodes: [String]
    public var pairLimit = 30
    public var guestLimit = 10
    public var listLimit = 20
    /// A node whose last event is this far before the period's end counts as silent.
    public var silentAfterMilliseconds: Int64 = 3_600_000

    public var detail = DigestDetail.med

    public init(period: DigestPeriod, nodes: [String] = [], detail: DigestDetail = .med) {
        self.period = period
        self.nodes = nodes
        self.detail = detail
        let cap = detail.listCap ?? Int(Int32.max)
        pairLimit = detail == .med ? 30 : cap
        guestLimit = min(cap, detail == .high ? cap : 10)
        listLimit = cap
    }

    /// How far before the period a silent node's last event is looked for.
    public static let lookBack: Int64 = 30 * 86_400_000

    public func run(_ database: StoreReader) throws -> DigestData {
        let db = database.connection
        var data = DigestData(period: period, nodes: nodes)
        data.detail = detail
        data.headline = try headline(db, period)
        data.previous = try headline(db, period.previous)
        try crossGuest(db, into: &data)
        try guestHost(db, into: &data)
        try guests(db, into: &data)
        try unknownLabels(db, into: &data)
        try changes(db, into: &data)
        try findings(db, into: &data)
        try health(db, into: &data)
        try coverage(database, into: &data)
        try histogram(db, into: &data)
        return data
    }

    /// `time_ms` in the period and `node` among the chosen, over table alias `alias`.
    private func scope(_ alias: String, _ p: DigestPeriod) -> SQLConditions {
        var c = SQLConditions()
        if alias == "d" {
            c.addTimeWindow(alias: alias, since: p.since, until: p.until)
        } else {
            c.add("\(alias).time_ms >= ?", .integer(p.since))
            c.add("\(alias).time_ms < ?", .integer(p.until))
        }
        c.isIn("+\(alias).node", nodes.map { $0 == "-" ? "" : $0 })
        return c
    }

    private func headline(_ db: any SQLReader, _ p: DigestPeriod) throws -> DigestData.Headline {
        var h = DigestData.Headline()
        let c = scope("d", p)
        for r in try db.rows("SELECT d.kind, count(*), count(CASE WHEN d.permissive = 1 THEN 1 END) FROM denials d WHERE \(c.clause) GROUP BY d.kind", c.values) {
            let count = r[1].int64 ?? 0
            h.denials += count
            h.allowed += r[2].int64 ?? 0
            switch r[0].string {
            case "cross-guest": h.crossGuest += count
            case "unknown-source", "unknown-target": h.unknownLabels += count
            case "guest-host": h.guestHost += count
            default: break
            }
        }
        let e = scope("e", p)
        h.policyChanges = try db.rows("""
            SELECT count(*) FROM events e WHERE e.kind IN ('enforcing-change', 'boolean-change', 'policy-load') AND \(e.clause)
            """, e.values).first?[0].int64 ?? 0
        return h
    }

    private func crossGuest(_ db: any SQLReader, into data: inout DigestData) throws {
        let c = scope("d", period)
        let rows = try db.rows("""
            SELECT d.source_key, d.target_key, min(d.source_vm), min(d.source_uuid), min(d.target_vm), min(d.target_uuid),
                   count(*), group_concat(DISTINCT \(StoredList.sqlEscaped("d.perms"))), min(d.time_ms), max(d.time_ms), group_concat(DISTINCT \(StoredList.sqlEscaped("d.node"))),
                   count(CASE WHEN d.permissive = 1 THEN 1 END)
            FROM denials d
            WHERE d.kind = 'cross-guest' AND \(c.clause)
            GROUP BY d.source_key, d.target_key ORDER BY 7 DESC, 9, 1, 2
            """, c.values)
        data.pairCount = rows.count
        let names = try GuestNames(db)
        data.pairs = try rows.prefix(pairLimit).map { r in
            let source = try Self.side(key: r[0].string, vm: r[2].string, uuid: r[3].string, names: names)
            let target = try Self.side(key: r[1].string, vm: r[4].string, uuid: r[5].string, names: names)
            return DigestData.Pair(sourceVM: source.vm ?? "?", sourceUUID: source.uuid, targetVM: target.vm ?? "?",
                                   targetUUID: target.uuid, count: r[6].int64 ?? 0, perms: CrossGuestQuery.words(r[7].string),
                                   first: r[8].int64 ?? 0, last: r[9].int64 ?? 0,
                                   nodes: Self.nodes(r[10].string), allowed: r[11].int64 ?? 0)
        }
        data.nodePairs = try db.rows("""
            SELECT d.node, min(d.source_vm), min(d.target_vm), count(*), d.source_key, d.target_key FROM denials d
            WHERE d.kind = 'cross-guest' AND \(c.clause)
            GROUP BY d.node, d.source_key, d.target_key ORDER BY 1, 4 DESC, d.source_key, d.target_key
            """, c.values).map { r in
            let source = try Self.side(key: r[4].string, vm: r[1].string, uuid: nil, names: names)
            let target = try Self.side(key: r[5].string, vm: r[2].string, uuid: nil, names: names)
            return DigestData.NodePair(node: Self.nodeName(r[0].string), sourceVM: source.vm ?? "?", targetVM: target.vm ?? "?",
                                       count: r[3].int64 ?? 0)
        }
    }

    /// A side as the digest names it. Where a label collision left several candidate guests,
    /// every one of them is named ("one of a, b") and no uuid is given: the first by name alone
    /// would accuse one guest (or clear another) on a coin toss.
    static func side(key: String?, vm: String?, uuid: String?, names: GuestNames) throws -> (vm: String?, uuid: String?) {
        guard let key, !key.hasPrefix("label:"), key.utf8.contains(0x2C) else { return (vm, uuid) }
        let candidates = try names.side(key: key, single: vm)
        return ("one of " + ListText.joined(candidates.vms, separator: ", "), nil)
    }

    /// Every guest-host group (guest, target type, class): few, and the caller orders them by
    /// severity before any cap, so the worst are never cut.
    private func guestHost(_ db: any SQLReader, into data: inout DigestData) throws {
        let c = scope("d", period)
        let names = try GuestNames(db)
        data.guestHost = try db.rows("""
            SELECT min(d.source_vm), min(d.source_uuid), coalesce(d.ttype, '?'), d.tclass, group_concat(DISTINCT \(StoredList.sqlEscaped("d.perms"))),
                   count(*), count(CASE WHEN d.permissive = 1 THEN 1 END), max(d.time_ms), group_concat(DISTINCT \(StoredList.sqlEscaped("d.node"))),
                   d.source_key
            FROM denials d
            WHERE d.kind = 'guest-host' AND \(c.clause)
            GROUP BY d.source_key, 3, d.tclass ORDER BY 6 DESC, 1 NULLS FIRST, 3, 4, d.source_key
            """, c.values).map { r in
            let source = try Self.side(key: r[9].string, vm: r[0].string, uuid: r[1].string, names: names)
            return DigestData.GuestHost(sourceVM: source.vm ?? "?", sourceUUID: source.uuid, targetType: r[2].string ?? "?",
                                        tclass: r[3].string ?? "?", perms: CrossGuestQuery.words(r[4].string), count: r[5].int64 ?? 0,
                                        allowed: r[6].int64 ?? 0, last: r[7].int64 ?? 0, nodes: Self.nodes(r[8].string))
        }
        data.guestHostCount = data.guestHost.count
    }

    /// A group_concat of nodes: `-` for logs without node=, never an empty list.
    static func nodes(_ text: String?) -> [String] {
        let items = (text ?? "").isEmpty ? [""] : StoredList.split(text, keepingEmpty: true)
        return CrossGuestQuery.distinct(items.map { $0.isEmpty ? "-" : $0 })
    }

    private func guests(_ db: any SQLReader, into data: inout DigestData) throws {
        let c = scope("d", period)
        var counts: [String: DigestData.GuestCount] = [:]
        let names = try GuestNames(db)
        for (side, column) in [("source", "source"), ("target", "target")] {
            for r in try db.rows("""
                SELECT d.\(column)_key, min(d.\(column)_vm), count(*) FROM denials d
                WHERE d.\(column)_uuid IS NOT NULL AND \(c.clause) GROUP BY d.\(column)_key
                """, c.values) {
                // A label collision's denials count for every candidate guest: each may have
                // done it (or been hit), and the first by name alone would hide the others.
                let candidates = try names.side(key: r[0].string ?? "", single: r[1].string)
                for (index, uuid) in candidates.uuids.enumerated() {
                    let vm = index < candidates.vms.count ? candidates.vms[index] : uuid
                    var entry = counts[uuid] ?? .init(vm: vm, uuid: uuid, asSource: 0, asTarget: 0)
                    if side == "source" { entry.asSource += r[2].int64 ?? 0 } else { entry.asTarget += r[2].int64 ?? 0 }
                    counts[uuid] = entry
                }
            }
        }
        // A dictionary's order changes from run to run: ties (one name on two nodes, two
        // spellings of a name) are broken by the name's bytes, then the uuid.
        let ranked = counts.values.sorted { (a: DigestData.GuestCount, b: DigestData.GuestCount) -> Bool in
            if a.total != b.total { return a.total > b.total }
            if ExactText(a.vm) != ExactText(b.vm) { return ExactText.byBytes(a.vm, b.vm) }
            return (a.uuid ?? "") < (b.uuid ?? "")
        }
        data.topGuests = Array(ranked.prefix(guestLimit))
        // First seen: a lease that began in the period for a guest with no earlier lease (leases
        // from status XML began before the log, so they never count as new).
        var l = SQLConditions()
        l.add("l.valid_from_ms >= ?", .integer(period.since))
        l.add("l.valid_from_ms < ?", .integer(period.until))
        l.isIn("l.node", nodes.map { $0 == "-" ? "" : $0 })
        data.newGuests = try db.rows("""
            SELECT g.name, g.uuid, g.node, min(l.valid_from_ms) FROM leases l JOIN guests g ON g.id = l.guest_id
            WHERE \(l.clause) AND NOT EXISTS (
                SELECT 1 FROM leases o WHERE o.guest_id = l.guest_id AND (o.valid_from_ms IS NULL OR o.valid_from_ms < ?))
            GROUP BY g.id, g.name, g.uuid, g.node ORDER BY 4, 1, 2, 3 LIMIT ?
            """, l.values + [.integer(period.since), .integer(Int64(listLimit))]).map {
            .init(vm: $0[0].string ?? "", uuid: $0[1].string ?? "", node: Self.nodeName($0[2].string),
                  firstSeen: $0[3].int64 ?? 0)
        }
    }

    private func unknownLabels(_ db: any SQLReader, into data: inout DigestData) throws {
        let c = scope("d", period)
        let rows = try db.rows("""
            SELECT CASE d.kind WHEN 'unknown-source' THEN d.slevel ELSE d.tlevel END, d.kind, count(*), max(d.time_ms),
                   group_concat(DISTINCT \(StoredList.sqlEscaped("d.node"))), count(*) OVER ()
            FROM denials d WHERE d.kind IN ('unknown-source', 'unknown-target') AND \(c.clause)
            GROUP BY 1, 2 ORDER BY 3 DESC, 1 NULLS FIRST, 2 LIMIT ?
            """, c.values + [.integer(Int64(listLimit))])
        data.unknownLabelCount = Int(rows.first?[5].int64 ?? 0)
        data.unknownLabels = rows.map {
            .init(level: $0[0].string ?? "?", side: $0[1].string == "unknown-source" ? "source" : "target",
                  count: $0[2].int64 ?? 0, last: $0[3].int64 ?? 0,
                  nodes: Self.nodes($0[4].string))
        }
        // Equal counts in label order, c2 before c10 (SQL compares the texts).
        .sorted { ($1.count, LabelOrder(level: $0.level), $0.side) < ($0.count, LabelOrder(level: $1.level), $1.side) }
    }

    private func changes(_ db: any SQLReader, into data: inout DigestData) throws {
        let e = scope("e", period)
        // A clock step by the stretch of stamps it repeats, which may begin before the period.
        var steps = SQLConditions()
        steps.addClockStepOverlap(alias: "e", since: period.since, until: period.until)
        steps.isIn("+e.node", nodes.map { $0 == "-" ? "" : $0 })
        let rows = try db.rows("""
            SELECT e.time_ms, e.node, e.kind, e.vm, e.label, e.detail, e.serial FROM events e
            WHERE (e.kind IN ('label-collision', 'enforcing-change', 'boolean-change', 'policy-load', 'untrusted-virt-record',
                              \(PostureKinds.sqlList))
                   AND \(e.clause))
                  OR (\(steps.clause))
            ORDER BY e.kind = 'clock-step', e.kind = 'untrusted-virt-record', e.time_ms, e.id
            """, e.values + steps.values)
        data.changes = rows.map { r in
            let detail = (try? JSONSerialization.jsonObject(with: Data((r[5].string ?? "{}").utf8))) as? [String: Any] ?? [:]
            func text(_ key: String) -> String? {
                switch detail[key] {
                case let s as String: return s
                case let n as NSNumber: return n.stringValue
                default: return nil
                }
            }
            let kind = r[2].string ?? ""
            let summary: String
            switch kind {
            case "enforcing-change":
                summary = "enforcing \(text("old_enforcing") ?? "?") -> \(text("enforcing") ?? "?")"
                    + (text("enforcing") == "0" ? " (SELinux stopped enforcing: sVirt no longer isolates guests)" : "")
            case "boolean-change":
                summary = "\(text("boolean") ?? "?") \(text("old_value") ?? "?") -> \(text("value") ?? "?")"
            case "policy-load":
                summary = "policy loaded (\(text("res") ?? "?"))"
            case "untrusted-virt-record":
                summary = "\(text("record") ?? "a VIRT record") op=\(text("op") ?? "?") for \(r[3].string ?? "?") ignored: "
                    + "\(text("why") ?? "not libvirt's") (pid \(text("pid") ?? "?"), \(text("sender") ?? "no subj"))"
            case "clock-step":
                let back = (detail["back_ms"] as? NSNumber).map { SecondsText.of(milliseconds: $0.int64Value) } ?? "?"
                let source = text("source").map { $0 == "-" ? "standard input" : $0 } ?? "a log"
                summary = "the clock went back \(back) s in \(source): events logged from here on repeat the stamps of the \(back) s "
                    + "before; they were judged in the order logged, and a time window over that stretch holds events of both sides"
            case "unconfined-guest":
                summary = "\(r[3].string ?? "?") runs without an sVirt label: \(text("how") ?? "?")"
            case "weak-label":
                let dominated = detail["dominates_vms"] as? [String] ?? []
                summary = "\(r[3].string ?? "?") has the weak label \(r[4].string ?? "?"); its process dominates "
                    + (dominated.isEmpty ? "no live guest" : dominated.joined(separator: ", "))
            case "whole-disk":
                summary = "\(r[3].string ?? "?") was given the whole disk \(text("disk") ?? "?") (it can write partition tables and LVM metadata the host reads)"
            case "shared-writable":
                let others = detail["shared_with_vms"] as? [String] ?? []
                summary = "\(r[3].string ?? "?") may write \(text("disk") ?? r[4].string ?? "a disk") with "
                    + (others.isEmpty ? "any guest started later" : others.joined(separator: ", "))
            default:
                // By bytes: a guest whose name differs from this one's only in normalization is another guest.
                let holders = (detail["vms"] as? [String] ?? []).filter { ExactText($0) != ExactText(r[3].string ?? "") }
                summary = "\(r[3].string ?? "?") took \(r[4].string ?? "a label"), already held by "
                    + (holders.isEmpty ? "another guest" : holders.joined(separator: ", "))
            }
            return .init(time: r[0].int64 ?? 0, node: Self.nodeName(r[1].string), kind: kind,
                         summary: summary, auid: (detail["auid"] as? NSNumber)?.int64Value,
                         user: text("user"), exe: text("exe"), serial: r[6].int64)
        }
    }

    /// Up to the list cap of each kind (of each boolean, for needs-boolean), so a busy kind
    /// leaves the others their place; the totals are counted apart, uncapped.
    private func findings(_ db: any SQLReader, into data: inout DigestData) throws {
        let c = scope("d", period)
        let names = try GuestNames(db)
        let grouped = """
            SELECT d.kind AS kind, d.source_vm AS vm, d.boolean AS boolean, d.path AS path, d.tclass AS tclass,
                   count(*) AS n, max(d.time_ms) AS last,
                   CASE WHEN d.kind = 'needs-boolean' THEN d.boolean END AS list,
                   CASE WHEN d.source_count > 1 THEN d.source_key END AS candidates
            FROM denials d
            WHERE d.kind IN ('needs-boolean', 'stale-image', 'shared-content-write') AND \(c.clause)
            GROUP BY d.kind, d.source_vm, CASE WHEN d.source_count > 1 THEN d.source_key END, d.boolean, d.path, d.tclass
            """
        data.findings = try db.rows("""
            SELECT kind, vm, boolean, path, tclass, n, last, candidates FROM (
                SELECT *, row_number() OVER (PARTITION BY kind, list
                                             ORDER BY n DESC, vm NULLS FIRST, candidates NULLS FIRST, path NULLS FIRST, tclass,
                                                      boolean NULLS FIRST) AS rank
                FROM (\(grouped)) AS grouped_findings) AS ranked_findings
            WHERE rank <= ?
            ORDER BY kind, list NULLS FIRST, n DESC, vm NULLS FIRST, candidates NULLS FIRST, path NULLS FIRST, tclass, boolean NULLS FIRST
            """, c.values + [.integer(Int64(listLimit))]).map {
            let source = try Self.side(key: $0[7].string, vm: $0[1].string, uuid: nil, names: names)
            return .init(kind: $0[0].string ?? "", sourceVM: source.vm, boolean: $0[2].string, path: $0[3].string,
                         tclass: $0[4].string ?? "", count: $0[5].int64 ?? 0, last: $0[6].int64 ?? 0)
        }
        data.findingTotals = try db.rows("""
            SELECT kind, list, count(*), sum(n), count(DISTINCT coalesce(candidates, vm, '-')) FROM (\(grouped)) AS grouped_findings
            GROUP BY kind, list ORDER BY kind, list NULLS FIRST
            """, c.values).map {
            .init(kind: $0[0].string ?? "", boolean: $0[1].string, groups: Int($0[2].int64 ?? 0),
                  denials: $0[3].int64 ?? 0, guests: Int($0[4].int64 ?? 0))
        }
    }

    /// The intervals of incomplete lease data that overlap the period, clipped to it.
    private func coverage(_ database: StoreReader, into data: inout DigestData) throws {
        for interval in try CoverageQuery(nodes: nodes).intervals(database) where !interval.complete {
            let from = max(interval.from ?? period.since, period.since)
            let to = min(interval.to ?? period.until, period.until)
            guard from < to else { continue }
            let node = interval.node.isEmpty ? "-" : interval.node
            // Back to back (no SYSTEM_BOOT, then a boot followed by an unseen guest's stop): one line.
            if let last = data.coverageGaps.last, ExactText(last.node) == ExactText(node), last.to >= from {
                data.coverageGaps[data.coverageGaps.count - 1].to = max(last.to, to)
                continue
            }
            data.coverageGaps.append(.init(node: node, from: from, to: to))
        }
    }

    private func health(_ db: any SQLReader, into data: inout DigestData) throws {
        let a = scope("a", period)
        let reported = try db.rows("SELECT a.node, count(*), max(a.time_ms) FROM audit_events a WHERE \(a.clause) GROUP BY a.node", a.values)
        // Keyed by bytes, as the stores compare nodes: two spellings of a name (NFC and NFD) are
        // two hosts, each listed, in byte order whatever order the rows came in.
        var byNode: [ExactText: (Int64, Int64?)] = [:]
        for r in reported { byNode[ExactText(r[0].string ?? "")] = (r[1].int64 ?? 0, r[2].int64) }
        // Every node the store knows, so one that said nothing this period is listed too.
        var known = try db.rows("SELECT node FROM node_activity").compactMap { $0[0].string }
        data.knownNodes = CrossGuestQuery.distinct(known.map { $0.isEmpty ? "-" : $0 })
        if !nodes.isEmpty {
            let wanted = Set(nodes.map { ExactText($0 == "-" ? "" : $0) })
            known = known.filter { wanted.contains(ExactText($0)) }
        }
        for node in Set(known.map(ExactText.init)).union(byNode.keys).map(\.text).sorted(by: ExactText.byBytes) {
            var (events, last) = byNode[ExactText(node)] ?? (0, nil)
            if last == nil {
                // Silent all period: when did it last say anything? Walking the time index back
                // costs what was logged since; a month back is as far as a digest looks.
                last = try db.rows("""
                    SELECT time_ms FROM audit_events INDEXED BY audit_events_time
                    WHERE time_ms < ? AND time_ms >= ? AND node = ? ORDER BY time_ms DESC LIMIT 1
                    """, [.integer(period.since), .integer(period.since - Self.lookBack), .text(node)]).first?[0].int64
            }
            let silent = last.map { period.until - $0 > silentAfterMilliseconds } ?? true
            data.health.append(.init(node: node.isEmpty ? "-" : node, events: events, lastEvent: last, silent: silent))
        }
        // Parse errors of the sources read during the period (a source's checkpoint time is its
        // newest event's).
        var s = SQLConditions()
        s.add("s.updated_ms >= ?", .integer(period.since))
        s.add("s.updated_ms < ?", .integer(period.until))
        // Rows kept in full plus the errors past the cap, only counted.
        data.parseErrors = try db.rows("""
            SELECT reason, sum(n) FROM (
                SELECT p.reason AS reason, count(*) AS n FROM parse_errors p JOIN sources s ON s.id = p.source_id
                WHERE \(s.clause) GROUP BY p.reason
                UNION ALL
                SELECT c.reason, c.counted FROM parse_error_counts c JOIN sources s ON s.id = c.source_key
                WHERE \(s.clause) AND c.counted > 0) AS parse_error_reasons
            GROUP BY reason ORDER BY 2 DESC, 1
            """, s.values + s.values).map { ($0[0].string ?? "", $0[1].int64 ?? 0) }
        var g = SQLConditions()
        g.add("kind = ?", .text("pipeline-gap"))
        g.add("time_ms >= ?", .integer(period.since))
        g.add("time_ms < ?", .integer(period.until))
        g.isIn("node", nodes.map { $0 == "-" ? "" : $0 })
        data.gaps = try db.rows("""
            SELECT node, time_ms, json_extract(detail, '$.to'), json_extract(detail, '$.path') FROM events
            WHERE \(g.clause) ORDER BY time_ms, id
            """, g.values).map { PipelineGap(node: Self.nodeName($0[0].string), from: $0[1].int64, to: $0[2].string,
                                              path: $0[3].string ?? "") }
        var l = SQLConditions()
        l.add("l.valid_to_ms >= ?", .integer(period.since))
        l.add("l.valid_to_ms < ?", .integer(period.until))
        l.isIn("l.node", nodes.map { $0 == "-" ? "" : $0 })
        data.missedStops = try db.rows("""
            SELECT count(*) FROM leases l JOIN guests g ON g.id = l.guest_id
            WHERE \(l.clause) AND l.started = 1 AND NOT EXISTS (
                SELECT 1 FROM events e WHERE e.kind = 'domain-stop' AND e.uuid = g.uuid AND e.node = l.node
                AND e.time_ms = l.valid_to_ms)
            """, l.values).first?[0].int64 ?? 0
    }

    /// A stored node, or `-` for logs without node=.
    static func nodeName(_ stored: String?) -> String {
        guard let stored, !stored.isEmpty else { return "-" }
        return stored
    }

    private func histogram(_ db: any SQLReader, into data: inout DigestData) throws {
        let bucket = period.bucketMilliseconds
        let count = Int((period.length + bucket - 1) / bucket)
        var bars = [Int64](repeating: 0, count: count)
        let c = scope("d", period)
        for r in try db.rows("SELECT (d.time_ms - ?) / ?, count(*) FROM denials d WHERE \(c.clause) GROUP BY 1",
                             [.integer(period.since), .integer(bucket)] + c.values) {
            if let i = r[0].int64, i >= 0, Int(i) < count { bars[Int(i)] = r[1].int64 ?? 0 }
        }
        data.histogram = bars
    }
}
