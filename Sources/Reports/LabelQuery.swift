import Native
import SELinux
import Formatting
import Store

/// `query label LEVEL [--at TIME]`: every guest that held an MCS level, oldest first, or the
/// holder at one instant.
public struct LabelQuery: Sendable {
    public var level: MLSLevel
    public var at: Int64?
    public var nodes: [String] = []

    public init(level: MLSLevel, at: Int64? = nil, nodes: [String] = []) {
        self.level = level
        self.at = at
        self.nodes = nodes
    }

    /// Accepts `s0:c87,c520`, `c87,c520`, `s0:c520,c87`, ranges, or a whole context
    /// (`system_u:system_r:svirt_t:s0:c87,c520`), and returns the canonical level.
    public static func level(from text: String) throws -> MLSLevel {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let utf8 = Array(trimmed.utf8)
        let isDigit = { (i: Int) in i < utf8.count && utf8[i] >= 0x30 && utf8[i] <= 0x39 }
        if utf8.first == 0x63, isDigit(1) { return MLSLevel(sensitivity: 0, categories: try CategorySet.parse(Substring(trimmed))) }
        if utf8.first == 0x73, isDigit(1) { return try MLSRange.parse(trimmed).low }
        guard let level = try SecurityContext.parse(trimmed).level else {
            throw SELinuxError.malformedLevel(trimmed)
        }
        return level
    }

    public static let keys = ["node", "level", "vm", "uuid", "label", "from", "to", "pid", "static", "origin"]

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        var sql = """
            SELECT l.node, l.level, l.name, g.uuid, l.label, l.valid_from_ms, l.valid_to_ms, l.pid, l.is_static, l.origin,
                   l.valid_from_serial, l.valid_to_serial
            FROM leases l JOIN guests g ON g.id = l.guest_id WHERE l.level = ? AND l.model = 'selinux'
            """
        var values: [SQLValue] = [.text(level.description)]
        if !nodes.isEmpty {
            sql += " AND l.node IN (" + nodes.map { _ in "?" }.joined(separator: ",") + ")"
            values += nodes.map { .text($0 == "-" ? "" : $0) }
        }
        // With steps of a clock stored, a lease may have held the label at `at` outside its one
        // interval of stamps: then every lease of the level is read, and judged here.
        let steps = try at.map { _ in try StoredClockSteps(database.connection) }
        if let at, steps?.isEmpty != false {
            sql += " AND (l.valid_from_ms IS NULL OR l.valid_from_ms <= ?) AND (l.valid_to_ms IS NULL OR l.valid_to_ms > ?)"
            values += [.integer(at), .integer(at)]
        }
        sql += " ORDER BY l.valid_from_ms IS NOT NULL, l.valid_from_ms, l.valid_from_serial NULLS FIRST, l.node, l.id"
        let stmt = try database.connection.query(sql)
        try stmt.bind(values)
        while try stmt.step() {
            let node = stmt.string(at: 0) ?? ""
            if let at, let steps, !steps.isEmpty {
                let lease = StoredClockSteps.Lease(node: node, from: stmt.int64(at: 5), fromSerial: stmt.int64(at: 10),
                                                   to: stmt.int64(at: 6), toSerial: stmt.int64(at: 11))
                guard try steps.held(lease, at: at) else { continue }
            }
            try emit([
                ("node", node.isEmpty ? .null : .string(node)),
                ("level", .string(stmt.string(at: 1) ?? "")),
                ("vm", .string(stmt.string(at: 2) ?? "")),
                ("uuid", .string(stmt.string(at: 3) ?? "")),
                ("label", .string(stmt.string(at: 4) ?? "")),
                ("from", stmt.int64(at: 5).map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
                ("to", stmt.int64(at: 6).map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
                ("pid", stmt.int64(at: 7).map { .int($0) } ?? .null),
                ("static", .bool(stmt.int64(at: 8) == 1)),
                ("origin", .string(stmt.string(at: 9) ?? "")),
            ])
        }
    }
}
