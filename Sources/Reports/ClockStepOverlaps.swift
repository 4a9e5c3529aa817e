import Native
import Store

/// The steps of a node's clock back (stored `clock-step` events) whose stretch of repeated stamps
/// meets a time window: the events stamped in that stretch were logged on both sides of the step,
/// so a window that reaches into it holds some of each, ordered and selected by stamp.
public enum ClockStepOverlaps {
    public struct Step: Sendable, Equatable {
        /// `-` for logs without node=, as the reports name that node.
        public var node: String
        /// The first stamp logged after the step: where the repeated stretch begins.
        public var from: Int64
        /// How far the clock went back: the stretch runs to `from + backMilliseconds`.
        public var backMilliseconds: Int64
    }

    /// The steps of these nodes (all when empty; `-` for logs without node=) that meet the window
    /// [since, until), oldest first, at most `limit` of them, and how many there are in all.
    public static func find(_ database: StoreReader, nodes: [String] = [], since: Int64?, until: Int64?,
                            limit: Int = 3) throws -> (steps: [Step], total: Int) {
        var c = SQLConditions()
        c.addClockStepOverlap(alias: "e", since: since, until: until)
        c.isIn("e.node", nodes.map { $0 == "-" ? "" : $0 })
        let db = database.connection
        let total = try db.rows("SELECT count(*) FROM events e WHERE \(c.clause)", c.values).first?.first?.int64 ?? 0
        guard total > 0 else { return ([], 0) }
        let steps = try db.rows("""
            SELECT e.node, e.time_ms, \(SQLConditions.clockStepBack("e")) FROM events e
            WHERE \(c.clause) ORDER BY e.time_ms, e.id LIMIT \(max(0, limit))
            """, c.values).compactMap { r -> Step? in
            guard let from = r[1].int64, let back = r[2].int64 else { return nil }
            let node = r[0].string ?? ""
            return Step(node: node.isEmpty ? "-" : node, from: from, backMilliseconds: back)
        }
        return (steps, Int(total))
    }
}
