import Foundation
import Native
import SELinux
import Formatting
import Store

/// `query posture [--node N] [--at T]`: every guest live at T, with its label, the model records
/// seen, its verdict and since when.
///
/// A guest is live at T when it holds a lease at T, or when its newest domain-start at or before
/// T (a status-XML start counts as before everything) has no domain-stop after it: a guest
/// started without any label record has no lease, yet ran. Verdicts come from the posture events
/// stored for this lifetime of the guest (`PostureDetector`); a weak label's dominated guests are
/// worked out again among the guests live at T.
public struct PostureQuery: Sendable {
    /// Milliseconds; nil: the newest state the store knows.
    public var at: Int64?
    public var nodes: [String] = []

    public init(at: Int64? = nil, nodes: [String] = []) {
        self.at = at
        self.nodes = nodes
    }

    public static let keys = ["node", "vm", "uuid", "label", "models", "verdict", "since", "detail"]

    /// The verdict word of each posture kind.
    static let verdicts: [(kind: String, word: String)] = [
        ("unconfined-guest", "unconfined"), ("weak-label", "weak"), ("whole-disk", "whole-disk"),
        ("shared-writable", "shared-writable"),
    ]

    private struct Guest {
        var node: String
        var uuid: String
        var name: String
        var leases: [(model: String, label: String, imageLabel: String?, level: String?, from: Int64?)] = []
        /// The newest domain-start at or before T: nil time for a status-XML start.
        var start: (time: Int64?, serial: Int64?)?
        /// The newest domain-stop at or before T.
        var stop: Int64?
        /// The audit events of those two, where stored.
        var startEvent: Int64?
        var stopEvent: Int64?
        /// A step of the clock back was stored between the start and the stop, the stop after it:
        /// its stamp may lie before the start's though it came after (helper-109).
        var stoppedAcrossAStep = false
        /// The same the other way: started again after a step, its start stamped before the stop.
        var restartedAcrossAStep = false
        /// The domain-start before the newest one, for a restart without a stop between.
        var previousStart: Int64?

        var isLive: Bool {
            if !leases.isEmpty { return true }
            guard let start else { return false }
            guard let stop else { return true }
            if stoppedAcrossAStep { return false }
            if restartedAcrossAStep { return true }
            return (start.time ?? Int64.min) >= stop
        }

        /// When this lifetime began: its first label record, else its start.
        var since: Int64? {
            let froms = leases.map(\.from)
            if !froms.isEmpty { return froms.contains { $0 == nil } ? nil : froms.compactMap { $0 }.min() }
            return start?.time
        }

        var selinux: (model: String, label: String, imageLabel: String?, level: String?, from: Int64?)? {
            leases.first { $0.model == "selinux" }
        }
    }

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let nodeValues = nodes.map { SQLValue.text($0 == "-" ? "" : $0) }
        let nodeClause = nodes.isEmpty ? "" : " AND node IN (" + nodes.map { _ in "?" }.joined(separator: ",") + ")"
        // By bytes, as the stores keep names: two spellings of a node (NFC and NFD) are two hosts.
        var guests: [ExactText: Guest] = [:]
        func key(_ node: String, _ uuid: String) -> ExactText { ExactText(node + "\u{0}" + uuid) }

        var leaseSQL = """
            SELECT l.node, g.uuid, l.name, l.model, l.label, l.image_label, l.level, l.valid_from_ms,
                   l.valid_from_serial, l.valid_to_ms, l.valid_to_serial
            FROM leases l JOIN guests g ON g.id = l.guest_id WHERE
            """
        var leaseValues: [SQLValue] = []
        // With steps of a clock stored, a lease may have held its label at `at` outside its one
        // interval of stamps: then every lease is read, and judged here.
        let steps = try at.map { _ in try StoredClockSteps(db) }
        if let steps, !steps.isEmpty {
            leaseSQL += " 1 = 1"
        } else if let at {
            leaseSQL += " (l.valid_from_ms IS NULL OR l.valid_from_ms <= ?) AND (l.valid_to_ms IS NULL OR l.valid_to_ms > ?)"
            leaseValues = [.integer(at), .integer(at)]
        } else {
            leaseSQL += " l.valid_to_ms IS NULL"
        }
        leaseSQL += nodeClause.replacingOccurrences(of: "node IN", with: "l.node IN") + " ORDER BY l.id"
        for r in try db.rows(leaseSQL, leaseValues + nodeValues) {
            let node = r[0].string ?? "", uuid = r[1].string ?? ""
            if let at, let steps, !steps.isEmpty {
                let lease = StoredClockSteps.Lease(node: node, from: r[7].int64, fromSerial: r[8].int64, to: r[9].int64, toSerial: r[10].int64)
                guard try steps.held(lease, at: at) else { continue }
            }
            var guest = guests[key(node, uuid)] ?? Guest(node: node, uuid: uuid, name: r[2].string ?? uuid)
            guest.name = r[2].string ?? guest.name
            let model = r[3].string ?? ""
            // A newer lease of the same model replaces one left open by a lost stop.
            guest.leases.removeAll { $0.model == model }
            guest.leases.append((model, r[4].string ?? "", r[5].string, r[6].string, r[7].int64))
            guests[key(node, uuid)] = guest
        }

        let clock = try steps ?? StoredClockSteps(db)
        let timeClause = at == nil ? "" : " AND (time_ms IS NULL OR time_ms <= ?)"
        let atValues: [SQLValue] = at.map { [.integer($0)] } ?? []
        for r in try db.rows("""
            SELECT node, uuid, vm, kind, time_ms, serial, audit_event_id FROM events
            WHERE kind IN ('domain-start', 'domain-stop') AND uuid IS NOT NULL\(timeClause)\(nodeClause)
            ORDER BY time_ms IS NOT NULL, time_ms, serial NULLS FIRST, id
            """, atValues + nodeValues) {
            let node = r[0].string ?? "", uuid = r[1].string ?? ""
            var guest = guests[key(node, uuid)] ?? Guest(node: node, uuid: uuid, name: r[2].string ?? uuid)
            if guest.leases.isEmpty, let name = r[2].string { guest.name = name }
            if r[3].string == "domain-start" {
                guest.previousStart = guest.start?.time ?? guest.previousStart
                guest.start = (r[4].int64, r[5].int64)
                guest.startEvent = r[6].int64
            } else {
                guest.stop = r[4].int64
                guest.stopEvent = r[6].int64
            }
            if let started = guest.startEvent, let stopped = guest.stopEvent {
                guest.stoppedAcrossAStep = clock.stepBetween(node: node, after: started, upTo: stopped)
                guest.restartedAcrossAStep = clock.stepBetween(node: node, after: stopped, upTo: started)
            }
            guests[key(node, uuid)] = guest
        }

        let live = guests.values.filter(\.isLive).sorted { a, b in
            if ExactText(a.node) != ExactText(b.node) { return ExactText.byBytes(a.node, b.node) }
            if ExactText(a.name) != ExactText(b.name) { return ExactText.byBytes(a.name, b.name) }
            return ExactText.byBytes(a.uuid, b.uuid)
        }
        // Live selinux levels per node, for what a weak label dominates now.
        var levels: [ExactText: [(name: String, uuid: String, level: MLSLevel)]] = [:]
        for guest in live {
            if let text = guest.selinux?.level, let level = try? MLSLevel.parse(text) {
                levels[ExactText(guest.node), default: []].append((guest.name, guest.uuid, level))
            }
        }

        let postureKinds = Self.verdicts.map { "'\($0.kind)'" }.joined(separator: ", ")
        let events = try db.lookup("""
            SELECT kind, time_ms, label, detail FROM events
            WHERE uuid = ? AND node = ? AND kind IN (\(postureKinds)) ORDER BY time_ms IS NOT NULL, time_ms, serial NULLS FIRST, id
            """)
        for guest in live {
            try events.bind([.text(guest.uuid), .text(guest.node)])
            // This lifetime's events: from its first label record (or, with none, after the stop
            // or start before it) up to T; status-XML events only for a lifetime that began there.
            let bootstrapped = guest.start != nil && guest.start?.time == nil && guest.leases.allSatisfy { $0.from == nil }
            let from: Int64 = guest.leases.isEmpty ? max(guest.stop ?? Int64.min, guest.previousStart ?? Int64.min) + 1
                                                   : (guest.since ?? Int64.min)
            var found: [(kind: String, time: Int64?, detail: [String: Any])] = []
            while try events.step() {
                let time = events.int64(at: 1)
                if let time {
                    guard time >= from, at.map({ time <= $0 }) ?? true else { continue }
                } else if !bootstrapped {
                    continue
                }
                let detail = (try? JSONSerialization.jsonObject(with: Data((events.string(at: 3) ?? "{}").utf8))) as? [String: Any] ?? [:]
                found.append((events.string(at: 0) ?? "", time, detail))
            }
            try events.bind([])
            try emit(row(guest, found: found, levels: levels[ExactText(guest.node)] ?? []))
        }
    }

    private func row(_ guest: Guest, found: [(kind: String, time: Int64?, detail: [String: Any])],
                     levels: [(name: String, uuid: String, level: MLSLevel)]) -> OutputRow {
        var verdict: [String] = []
        var detail: [(String, OutputValue)] = []
        for (kind, word) in Self.verdicts {
            let matching = found.filter { $0.kind == kind }
            guard !matching.isEmpty else { continue }
            verdict.append(word)
            switch kind {
            case "unconfined-guest":
                detail.append(("unconfined", .string(matching[0].detail["how"] as? String ?? "")))
            case "weak-label":
                var dominated: [(String, String)] = []
                if let label = guest.selinux?.label, let range = (try? SecurityContext.parse(label))?.range {
                    dominated = levels.filter { $0.uuid != guest.uuid && range.high.dominates($0.level) }.map { ($0.name, $0.uuid) }
                }
                detail.append(("weak", .string(matching[0].detail["how"] as? String ?? "")))
                detail.append(("dominates_vms", .strings(dominated.map(\.0))))
                detail.append(("dominates_uuids", .strings(dominated.map(\.1))))
            case "whole-disk":
                detail.append(("whole_disks", .strings(matching.compactMap { $0.detail["disk"] as? String })))
            default:
                var with: [String] = []
                // Two guests whose names differ only in normalization are two names here.
                var seen: Set<ExactText> = []
                for m in matching {
                    for name in m.detail["shared_with_vms"] as? [String] ?? [] where seen.insert(ExactText(name)).inserted { with.append(name) }
                }
                detail.append(("shared_disks", .strings(matching.map { $0.detail["disk"] as? String ?? "image label svirt_image_t:s0" })))
                detail.append(("shared_with_vms", .strings(with)))
            }
        }
        var models = guest.leases.map(\.model)
        if models.isEmpty, let seen = found.first(where: { $0.kind == "unconfined-guest" })?.detail["models"] as? [String] {
            models = seen
        }
        let since = guest.since
        return [
            ("node", guest.node.isEmpty ? .null : .string(guest.node)),
            ("vm", .string(guest.name)), ("uuid", .string(guest.uuid)),
            ("label", guest.selinux.map { .string($0.label) } ?? .null),
            ("models", .strings(models)),
            ("verdict", .strings(verdict.isEmpty ? ["ok"] : verdict)),
            ("since", since.map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
            ("detail", .json(JSONText.object(detail.map { ($0.0, $0.1) }))),
        ]
    }
}
