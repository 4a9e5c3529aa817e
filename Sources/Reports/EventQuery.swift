import Native
import Formatting
import Store

/// `query events`: lifecycle, collision and policy events.
public struct EventQuery: Sendable {
    public var kinds: [String] = []
    public var since: Int64?
    public var until: Int64?
    public var nodes: [String] = []
    /// Guest name or UUID.
    public var vm: String?

    public init(kinds: [String] = []) { self.kinds = kinds }

    public static let keys = ["node", "time", "serial", "kind", "vm", "uuid", "label", "detail"]

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        var c = SQLConditions()
        c.isIn("kind", kinds)
        c.isIn("node", nodes.map { $0 == "-" ? "" : $0 })
        // Bootstrap events have no time; a time window leaves them out.
        if let since { c.add("time_ms >= ?", .integer(since)) }
        if let until { c.add("time_ms < ?", .integer(until)) }
        if let vm {
            c.add("(vm = ? OR uuid = ? OR EXISTS (SELECT 1 FROM json_each(events.detail, '$.vms') WHERE value = ?))",
                  .text(vm), .text(vm.lowercased()), .text(vm))
        }
        let clause = c.clause
        let values = c.values
        // Bootstrap events (no time) first: those guests were running before the log began.
        let stmt = try database.connection.query("""
            SELECT node, time_ms, serial, kind, vm, uuid, label, detail FROM events WHERE \(clause)
            ORDER BY time_ms IS NOT NULL, time_ms, node, serial NULLS FIRST, id
            """)
        try stmt.bind(values)
        while try stmt.step() {
            let node = stmt.string(at: 0) ?? ""
            try emit([
                ("node", node.isEmpty ? .null : .string(node)),
                ("time", stmt.int64(at: 1).map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
                ("serial", stmt.int64(at: 2).map { .int($0) } ?? .null),
                ("kind", .string(stmt.string(at: 3) ?? "")),
                ("vm", stmt.string(at: 4).map { .string($0) } ?? .null),
                ("uuid", stmt.string(at: 5).map { .string($0) } ?? .null),
                ("label", stmt.string(at: 6).map { .string($0) } ?? .null),
                ("detail", .json(stmt.string(at: 7) ?? "{}")),
            ])
        }
    }
}
