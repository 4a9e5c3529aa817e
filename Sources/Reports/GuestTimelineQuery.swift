import Native
import Formatting
import Store

/// `query guest VM`: one guest's history, oldest first: each lifetime's start and stop with its
/// labels and pid, its disks and devices, its isolation posture events, its denials as source and
/// as target, and the policy changes made while it ran.
public struct GuestTimelineQuery: Sendable {
    public var guest: GuestSelector

    public init(guest: GuestSelector) { self.guest = guest }

    public static let keys = ["time", "node", "vm", "uuid", "event", "label", "peer", "detail"]

    private struct Row {
        var time: Int64?
        var order: Int
        var node: String
        var vm: String
        var uuid: String
        var event: String
        var label: String?
        var peer: OutputValue
        var detail: String
    }

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let guests = try guest.resolve(db)
        var rows: [Row] = []
        var order = 0
        func add(_ row: Row) {
            var row = row
            row.order = order
            order += 1
            rows.append(row)
        }
        for g in guests {
            let leases = try db.rows("""
                SELECT id, model, label, image_label, pid, valid_from_ms, valid_to_ms, is_static, origin, name
                FROM leases WHERE guest_id = ? ORDER BY valid_from_ms IS NOT NULL, valid_from_ms, id
                """, [.integer(g.id)])
            var lifetimes: [(from: Int64?, to: Int64?)] = []
            for l in leases {
                let model = l[1].string ?? ""
                let detail = JSONText.object([
                    ("model", .string(model)), ("pid", l[4].int64.map { .int($0) } ?? .null),
                    ("image_label", l[3].string.map { .string($0) } ?? .null), ("static", .bool(l[7].int64 == 1)),
                    ("origin", .string(l[8].string ?? "")),
                ])
                add(Row(time: l[5].int64, order: 0, node: g.node, vm: l[9].string ?? g.name, uuid: g.uuid,
                        event: "label-start", label: l[2].string, peer: .null, detail: detail))
                if let to = l[6].int64 {
                    add(Row(time: to, order: 0, node: g.node, vm: l[9].string ?? g.name, uuid: g.uuid,
                            event: "label-stop", label: l[2].string, peer: .null, detail: JSONText.object([("model", .string(model))])))
                }
                if model == "selinux" { lifetimes.append((l[5].int64, l[6].int64)) }
            }
            for r in try db.rows("""
                SELECT time_ms, resource, reason, old_value, new_value, success FROM guest_resources
                WHERE node = ? AND uuid = ? ORDER BY time_ms, id
                """, [.text(g.node), .text(g.uuid)]) {
                add(Row(time: r[0].int64, order: 0, node: g.node, vm: g.name, uuid: g.uuid, event: "resource",
                        label: nil, peer: r[4].string.map { .string($0) } ?? .null,
                        detail: JSONText.object([("resource", .string(r[1].string ?? "")),
                                                 ("reason", r[2].string.map { .string($0) } ?? .null),
                                                 ("old", r[3].string.map { .string($0) } ?? .null),
                                                 ("new", r[4].string.map { .string($0) } ?? .null),
                                                 ("success", .bool(r[5].int64 == 1))])))
            }
            // Its isolation posture, as judged at its start, a disk given, or its status XML.
            for e in try db.rows("""
                SELECT time_ms, kind, label, detail FROM events
                WHERE uuid = ? AND node = ? AND kind IN (\(PostureKinds.sqlList)) ORDER BY time_ms IS NOT NULL, time_ms, id
                """, [.text(g.uuid), .text(g.node)]) {
                add(Row(time: e[0].int64, order: 0, node: g.node, vm: g.name, uuid: g.uuid, event: e[1].string ?? "",
                        label: e[2].string, peer: .null, detail: e[3].string ?? "{}"))
            }
            // A guest of thousands of runs is read in two shares at once on the fleet store.
            let shares = try Self.shareCount(database, guest: g)
            let read = try database.inShares(shares) { db, share in
                try Self.sides.map { try Self.denials(db, guest: g.id, side: $0, share: share) }
            }
            for (index, side) in Self.sides.enumerated() {
                var found = read.flatMap { $0[index] }
                found.sort { ($0.time, $0.serial, $0.run) < ($1.time, $1.serial, $1.run) }
                let event = "denial-as-\(side)"
                for f in found {
                    add(Row(time: f.time, order: 0, node: g.node, vm: g.name, uuid: g.uuid, event: event, label: nil,
                            peer: f.peer, detail: f.detail))
                }
            }
            // Policy changes on the guest's node while any of its lifetimes ran.
            for e in try db.rows("""
                SELECT time_ms, kind, detail FROM events
                WHERE node = ? AND kind IN ('enforcing-change', 'boolean-change', 'policy-load') ORDER BY time_ms NULLS FIRST, id
                """, [.text(g.node)]) {
                guard let time = e[0].int64, lifetimes.contains(where: { ($0.from ?? Int64.min) <= time && time < ($0.to ?? Int64.max) }) else { continue }
                add(Row(time: time, order: 0, node: g.node, vm: g.name, uuid: g.uuid, event: e[1].string ?? "",
                        label: nil, peer: .null, detail: e[2].string ?? "{}"))
            }
        }
        rows.sort { ($0.time ?? Int64.min, $0.order) < ($1.time ?? Int64.min, $1.order) }
        for r in rows {
            try emit([
                ("time", r.time.map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
                ("node", r.node.isEmpty ? .null : .string(r.node)),
                ("vm", .string(r.vm)), ("uuid", .string(r.uuid)), ("event", .string(r.event)),
                ("label", r.label.map { .string($0) } ?? .null), ("peer", r.peer), ("detail", .json(r.detail)),
            ])
        }
    }

    private static let sides = ["source", "target"]

    /// Party rows beyond which the fleet store reads a guest's denials in two shares at once
    /// (near it, the second connection costs about what it saves).
    public static let partiesReadInShares = 2_000

    private static func shareCount(_ database: StoreReader, guest g: GuestSelector.Guest) throws -> Int {
        guard database.fleetName != nil else { return 1 }
        // Counted no further than the bound: a flood's guest has millions.
        let parties = try database.connection.rows("""
            SELECT count(*) FROM (SELECT 1 FROM run_parties p JOIN leases l ON l.id = p.lease_id
                                  WHERE l.guest_id = ? LIMIT \(partiesReadInShares + 1)) bounded
            """, [.integer(g.id)]).first?.first?.int64 ?? 0
        return parties > partiesReadInShares ? 2 : 1
    }

    /// One denial of the guest's, its timeline row but for the guest's own columns.
    struct Denial: Sendable {
        var time: Int64
        var serial: Int64
        /// Its run's id: denials of one event in several runs (one record per class) come in
        /// the runs' order in both stores.
        var run: Int64
        var peer: OutputValue
        var detail: String
    }

    /// The guest's denials on one side, those of its runs in `share`. Interned texts are read
    /// once per id, all at once, and a run's facts (peer, kind, class, path...) are written out
    /// once for all of its events.
    private static func denials(_ db: any SQLReader, guest: Int64, side: String, share: ReadShare) throws -> [Denial] {
        let other = side == "source" ? "target" : "source"
        let facts = "r.id, r.kind, r.\(other)_vm, r.\(other)_key, r.perms, r.tclass, r.permissive, r.path, r.\(other == "target" ? "tcontext" : "scontext")"
        // A run of one event holds that event's time, serial and node itself (prune keeps count,
        // first and last exact): only longer runs are looked up in audit_events, afterwards and
        // all together, which saves two B-tree searches per event for a guest whose denials all
        // differ (and on PostgreSQL a search of every monthly partition per run).
        // The run's minute as well as its id lets the fleet store look in the run's month only
        // (schema/008). Runs in id order: PostgreSQL then finds them in its indexes' order.
        let rows = try db.query("""
            SELECT \(facts), r.first_ms, r.first_serial, r.node, r.count, r.last_ms
            FROM (SELECT p.run_id, max(p.run_minute_ms) AS run_minute_ms FROM run_parties p JOIN leases l ON l.id = p.lease_id
                  WHERE l.guest_id = ? AND p.side = '\(side)' AND \(share.holds("p.run_id")) GROUP BY p.run_id ORDER BY p.run_id) p
            JOIN denial_runs r ON r.id = p.run_id AND \(DenialRuns.inPartyMinute("r.first_ms", party: "p"))
            """)
        try rows.bind([.integer(guest)])
        struct RunRow {
            var id: Int64
            var kind: String
            var peerVM: Int64?
            var peerKey: Int64?
            var perms: String
            var tclass: String
            var permissive: Bool
            var path: Int64?
            var context: Int64?
        }
        struct Found {
            var time: Int64
            var serial: Int64
            var node: String
            var run: Int
        }
        var runRows: [RunRow] = []
        var runIndex: [Int64: Int] = [:]
        var found: [Found] = []
        var longRuns: [RunEvents.Run] = []
        var longRunFirsts: [Found] = []
        while try rows.step() {
            guard let id = rows.int64(at: 0) else { continue }
            let index: Int
            if let known = runIndex[id] {
                index = known
            } else {
                index = runRows.count
                runRows.append(RunRow(id: id, kind: rows.string(at: 1) ?? "", peerVM: rows.int64(at: 2), peerKey: rows.int64(at: 3),
                                      perms: rows.string(at: 4) ?? "", tclass: rows.string(at: 5) ?? "",
                                      permissive: rows.int64(at: 6) == 1, path: rows.int64(at: 7), context: rows.int64(at: 8)))
                runIndex[id] = index
            }
            let first = Found(time: rows.int64(at: 9) ?? 0, serial: rows.int64(at: 10) ?? 0,
                              node: rows.string(at: 11) ?? "", run: index)
            if let count = rows.int64(at: 12), count > 1 {
                longRuns.append(RunEvents.Run(id: id, firstMs: first.time, lastMs: rows.int64(at: 13) ?? first.time, count: count))
                longRunFirsts.append(first)
            } else {
                found.append(first)
            }
        }
        // A long run whose events are not found is still listed once, by its first event.
        var seen = [Bool](repeating: false, count: longRuns.count)
        try RunEvents.fetch(longRuns, from: db) { event in
            seen[event.run] = true
            found.append(Found(time: event.time, serial: event.serial, node: event.node, run: longRunFirsts[event.run].run))
        }
        for (index, first) in longRunFirsts.enumerated() where !seen[index] {
            found.append(first)
        }
        // A guest's runs name the same few peers and contexts over and over.
        var ids = Set<Int64>()
        for run in runRows {
            for id in [run.peerVM, run.peerKey, run.path, run.context] { if let id { ids.insert(id) } }
        }
        let texts = try InternedTexts.fetch(ids, from: db)
        func text(_ id: Int64?) -> String? { id.flatMap { texts[$0] } }
        // A label collision's run names every candidate peer (rare: looked up only then).
        var names: GuestNames?
        let runFacts: [(peer: OutputValue, detailPrefix: [UInt8])] = try runRows.map { run in
            let key = text(run.peerKey) ?? ""
            let peer: OutputValue
            if !key.hasPrefix("label:"), key.utf8.contains(0x2C) {
                if names == nil { names = try GuestNames(db) }
                peer = .string(ListText.joined(try names!.side(key: key, single: text(run.peerVM)).vms))
            } else {
                peer = text(run.peerVM).map { .string($0) }
                    ?? (key.hasPrefix("label:") ? .string(String(key.dropFirst(6))) : .string(text(run.context) ?? ""))
            }
            // As JSONText.object would write it, without its closing brace: each event's
            // evidence follows.
            var prefix: [UInt8] = []
            prefix.reserveCapacity(160)
            prefix.append(contentsOf: #"{"kind":"#.utf8)
            JSONText.appendQuoted(run.kind, to: &prefix)
            prefix.append(contentsOf: #","perms":"#.utf8)
            JSONText.appendQuoted(run.perms, to: &prefix)
            prefix.append(contentsOf: #","tclass":"#.utf8)
            JSONText.appendQuoted(run.tclass, to: &prefix)
            prefix.append(contentsOf: (run.permissive ? #","permissive":true,"path":"# : #","permissive":false,"path":"#).utf8)
            if let path = text(run.path) { JSONText.appendQuoted(path, to: &prefix) } else { prefix.append(contentsOf: "null".utf8) }
            prefix.append(contentsOf: #","evidence":"#.utf8)
            return (peer, prefix)
        }
        return found.map { f in
            var detail = runFacts[f.run].detailPrefix
            JSONText.appendQuoted(f.node.isEmpty ? String(f.serial) : "\(f.node):\(f.serial)", to: &detail)
            detail.append(0x7D)
            return Denial(time: f.time, serial: f.serial, run: runRows[f.run].id, peer: runFacts[f.run].peer,
                          detail: String(decoding: detail, as: UTF8.self))
        }
    }
}
