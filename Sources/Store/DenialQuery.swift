import Native

/// `query denials`: one row per denial event, with both sides resolved to guests.
public struct DenialQuery: Sendable {
    public var kinds: [String] = []

    public init(kinds: [String] = []) { self.kinds = kinds }

    public static let keys = ["node", "time", "serial", "kind", "source_vm", "source_uuid", "target_vm", "target_uuid",
                              "scontext", "tcontext", "tclass", "perms", "permissive", "pid", "comm", "exe", "path",
                              "boolean"]

    public func run(_ database: Database, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        var sql = """
            SELECT id, node, time_ms, serial, kind, scontext, tcontext, tclass, perms, permissive, pid, comm, exe,
                   path, boolean
            FROM denials
            """
        var values: [SQLValue] = []
        if !kinds.isEmpty {
            sql += " WHERE kind IN (" + kinds.map { _ in "?" }.joined(separator: ",") + ")"
            values = kinds.map { .text($0) }
        }
        sql += " ORDER BY time_ms, node, serial"
        let denials = try db.prepare(sql)
        let parties = try db.prepare("""
            SELECT p.side, l.name, g.uuid FROM denial_parties p
            JOIN leases l ON l.id = p.lease_id JOIN guests g ON g.id = l.guest_id
            WHERE p.denial_id = ? ORDER BY p.side, l.name, g.uuid
            """)
        try denials.bind(values)
        while try denials.step() {
            try parties.bind([denials.value(at: 0)])
            var sources: [(String, String)] = []
            var targets: [(String, String)] = []
            while try parties.step() {
                let pair = (parties.string(at: 1) ?? "", parties.string(at: 2) ?? "")
                if parties.string(at: 0) == "source" { sources.append(pair) } else { targets.append(pair) }
            }
            let node = denials.string(at: 1) ?? ""
            let row: OutputRow = [
                ("node", node.isEmpty ? .null : .string(node)),
                ("time", .string(Timestamp.iso8601(milliseconds: denials.int64(at: 2) ?? 0))),
                ("serial", .int(denials.int64(at: 3) ?? 0)),
                ("kind", .string(denials.string(at: 4) ?? "")),
                ("source_vm", Self.side(sources.map(\.0))),
                ("source_uuid", Self.side(sources.map(\.1))),
                ("target_vm", Self.side(targets.map(\.0))),
                ("target_uuid", Self.side(targets.map(\.1))),
                ("scontext", .string(denials.string(at: 5) ?? "")),
                ("tcontext", .string(denials.string(at: 6) ?? "")),
                ("tclass", .string(denials.string(at: 7) ?? "")),
                ("perms", .strings((denials.string(at: 8) ?? "").split(separator: " ").map(String.init))),
                ("permissive", denials.int64(at: 9).map { .bool($0 != 0) } ?? .null),
                ("pid", denials.int64(at: 10).map { .int($0) } ?? .null),
                ("comm", denials.string(at: 11).map { .string($0) } ?? .null),
                ("exe", denials.string(at: 12).map { .string($0) } ?? .null),
                ("path", denials.string(at: 13).map { .string($0) } ?? .null),
                ("boolean", denials.string(at: 14).map { .string($0) } ?? .null),
            ]
            try emit(row)
        }
    }

    /// null for nobody, a string for one guest, a sorted array for several candidates.
    static func side(_ values: [String]) -> OutputValue {
        switch values.count {
        case 0: return .null
        case 1: return .string(values[0])
        default: return .strings(values)
        }
    }
}
