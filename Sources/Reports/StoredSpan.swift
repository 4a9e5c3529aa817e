import Native
import Store

/// Where a store's record begins: an answer about an instant before it rests on no log at all.
public enum StoredSpan {
    /// The time of the oldest event the store holds, of these nodes when any are given (`-` for
    /// logs without node=); nil when it holds none.
    public static func oldestEvent(_ database: StoreReader, nodes: [String] = []) throws -> Int64? {
        var c = SQLConditions()
        c.isIn("node", nodes.map { $0 == "-" ? "" : $0 })
        return try database.connection.rows("SELECT min(time_ms) FROM audit_events WHERE \(c.clause)", c.values)
            .first?.first?.int64
    }
}
