import Native
import Formatting
import Store

/// `query guests [--node N] [--at T] [--running]`: every guest the store knows, one row each, with
/// its newest lifetime (the one in force at T with --at): label, pid, since when, whether it is
/// still running, the last time the store saw it, and where the lifetime was learnt (audit or
/// status-xml).
public struct GuestsQuery: Sendable {
    public var nodes: [String]
    public var at: Int64?
    public var runningOnly: Bool

    public init(nodes: [String] = [], at: Int64? = nil, runningOnly: Bool = false) {
        self.nodes = nodes
        self.at = at
        self.runningOnly = runningOnly
    }

    public static let keys = ["node", "vm", "uuid", "label", "pid", "since", "until", "running", "last_seen", "origin"]

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        // Without --at, every stored time counts.
        let at = self.at ?? TimeExpression.range.upperBound
        // Without --at the newest times count, past every step: a lease's interval decides.
        let steps = try self.at.map { _ in try StoredClockSteps(database.connection) }.flatMap { $0.isEmpty ? nil : $0 }
        // A lease stamped as begun after `at` that held its label at `at` all the same, on the far
        // side of a step of the clock (helper-109: label --at named it, guests --at left it out).
        var heldLate: [Int64] = []
        if let steps {
            for r in try database.connection.rows("""
                SELECT id, node, valid_from_ms, valid_from_serial, valid_to_ms, valid_to_serial FROM leases
                WHERE valid_from_ms > ? AND valid_from_serial IS NOT NULL
                """, [.integer(at)]) {
                let lease = StoredClockSteps.Lease(node: r[1].string ?? "", from: r[2].int64, fromSerial: r[3].int64,
                                                   to: r[4].int64, toSerial: r[5].int64)
                if let id = r[0].int64, try steps.held(lease, at: at) { heldLate.append(id) }
            }
        }
        // Ids from the store itself, written into the statement as numbers.
        let lateIDs = heldLate.map(String.init).joined(separator: ",")
        let late = heldLate.isEmpty ? "" : " OR l2.id IN (\(lateIDs))"
        let lateFirst = heldLate.isEmpty ? "" : "l2.id IN (\(lateIDs)) DESC, "
        // The newest lease that began by `at` (one from status XML, which began before the log,
        // is the oldest), or one held then across a step; of a lifetime's selinux and dac leases,
        // the selinux one.
        var sql = """
            SELECT g.node, g.name, g.uuid, l.label, l.pid, l.valid_from_ms, l.valid_to_ms, l.origin,
                   (SELECT max(max(coalesce(l3.valid_from_ms, -1), coalesce(CASE WHEN l3.valid_to_ms <= ?1 THEN l3.valid_to_ms END, -1)))
                    FROM leases l3 WHERE l3.guest_id = g.id AND (l3.valid_from_ms IS NULL OR l3.valid_from_ms <= ?1)),
                   (SELECT max(min(r.last_ms, ?1)) FROM leases l4 JOIN run_parties p ON p.lease_id = l4.id
                    JOIN denial_runs r ON r.id = p.run_id AND \(DenialRuns.inPartyMinute("r.first_ms", party: "p"))
                    WHERE l4.guest_id = g.id AND r.first_ms <= ?1),
                   l.name, l.node, l.valid_from_serial, l.valid_to_serial
            FROM guests g JOIN leases l ON l.id = (
                SELECT l2.id FROM leases l2 WHERE l2.guest_id = g.id AND (l2.valid_from_ms IS NULL OR l2.valid_from_ms <= ?1\(late))
                ORDER BY \(lateFirst)l2.valid_from_ms IS NULL, l2.valid_from_ms DESC, l2.model = 'selinux' DESC, l2.id DESC LIMIT 1)
            """
        var values: [SQLValue] = [.integer(at)]
        var conditions: [String] = []
        if !nodes.isEmpty {
            conditions.append("g.node IN (" + nodes.map { _ in "?" }.joined(separator: ",") + ")")
            values += nodes.map { .text($0 == "-" ? "" : $0) }
        }
        // With steps of a clock stored, whether the lease ran at `at` is judged here (a step may
        // have stamped its stop before `at` though it ran then); else by its interval, in SQL.
        if runningOnly, steps == nil { conditions.append("(l.valid_to_ms IS NULL OR l.valid_to_ms > ?1)") }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY g.node, g.name, g.uuid"
        let stmt = try database.connection.query(sql)
        try stmt.bind(values)
        func time(_ ms: Int64?) -> OutputValue { ms.map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null }
        while try stmt.step() {
            let node = stmt.string(at: 0) ?? ""
            var to = stmt.int64(at: 6).flatMap { $0 <= at ? $0 : nil }
            if to != nil, let steps {
                let lease = StoredClockSteps.Lease(node: stmt.string(at: 11) ?? "", from: stmt.int64(at: 5), fromSerial: stmt.int64(at: 12),
                                                   to: stmt.int64(at: 6), toSerial: stmt.int64(at: 13))
                if try steps.held(lease, at: at) { to = nil }
            }
            if runningOnly, to != nil { continue }
            let lastLease = stmt.int64(at: 8).flatMap { $0 >= 0 ? $0 : nil }
            let lastDenial = stmt.int64(at: 9)
            let lastSeen = [lastLease, lastDenial].compactMap { $0 }.max()
            try emit([
                ("node", node.isEmpty ? .null : .string(node)),
                // The name of that lifetime: a renamed guest shows the name it had then.
                ("vm", .string(stmt.string(at: 10) ?? stmt.string(at: 1) ?? "")),
                ("uuid", .string(stmt.string(at: 2) ?? "")),
                ("label", stmt.string(at: 3).map { .string($0) } ?? .null),
                ("pid", stmt.int64(at: 4).map { .int($0) } ?? .null),
                ("since", time(stmt.int64(at: 5))),
                ("until", time(to)),
                ("running", .bool(to == nil)),
                ("last_seen", time(lastSeen)),
                ("origin", .string(stmt.string(at: 7) ?? "")),
            ])
        }
    }
}
