import Native

/// A guest named on the command line by name or UUID, possibly on several nodes, and every lease
/// it ever held.
public struct GuestSelector: Sendable {
    public var text: String
    public var nodes: [String]

    public init(_ text: String, nodes: [String] = []) {
        self.text = text
        self.nodes = nodes
    }

    public struct Guest: Sendable, Equatable {
        public var id: Int64
        public var node: String
        public var uuid: String
        public var name: String
    }

    public func guests(_ db: SQLiteDatabase) throws -> [Guest] {
        var sql = "SELECT id, node, uuid, name FROM guests WHERE (name = ? OR uuid = ?)"
        var values: [SQLValue] = [.text(text), .text(text.lowercased())]
        if !nodes.isEmpty {
            sql += " AND node IN (" + nodes.map { _ in "?" }.joined(separator: ",") + ")"
            values += nodes.map { .text($0 == "-" ? "" : $0) }
        }
        // A name can also have been a guest's earlier name: leases keep the name of each lifetime.
        sql += " UNION SELECT g.id, g.node, g.uuid, g.name FROM leases l JOIN guests g ON g.id = l.guest_id WHERE l.name = ?"
        values.append(.text(text))
        if !nodes.isEmpty {
            sql += " AND g.node IN (" + nodes.map { _ in "?" }.joined(separator: ",") + ")"
            values += nodes.map { .text($0 == "-" ? "" : $0) }
        }
        return try db.rows(sql + " ORDER BY 2, 4", values).map {
            Guest(id: $0[0].int64 ?? 0, node: $0[1].string ?? "", uuid: $0[2].string ?? "", name: $0[3].string ?? "")
        }
    }

    public func leaseIDs(_ db: SQLiteDatabase, guests: [Guest]) throws -> [Int64] {
        guard !guests.isEmpty else { return [] }
        return try db.rows("SELECT id FROM leases WHERE guest_id IN (" + guests.map { _ in "?" }.joined(separator: ",") + ")",
                           guests.map { .integer($0.id) }).compactMap { $0[0].int64 }
    }
}
