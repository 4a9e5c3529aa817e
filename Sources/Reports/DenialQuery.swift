import Native
import Formatting
import Store

/// `query denials`: one row per denial event, with both sides resolved to guests.
public struct DenialQuery: Sendable {
    public var filter: DenialFilter

    public init(filter: DenialFilter = DenialFilter()) { self.filter = filter }

    public init(kinds: [String]) {
        var filter = DenialFilter()
        filter.kinds = kinds
        self.filter = filter
    }

    public static let keys = ["node", "time", "serial", "kind", "source_vm", "source_uuid", "target_vm", "target_uuid",
                              "scontext", "tcontext", "tclass", "perms", "permissive", "pid", "comm", "exe", "path",
                              "boolean", "reason"]

    public func run(_ database: Database, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let (clause, values) = filter.clause()
        let denials = try db.prepare("""
            SELECT d.run_id, d.node, d.time_ms, d.serial, d.kind, d.scontext, d.tcontext, d.tclass, d.perms, d.permissive,
                   d.pid, d.comm, d.exe, d.path, d.boolean, d.source_count, d.source_vm, d.source_uuid,
                   d.target_count, d.target_vm, d.target_uuid, d.reason
            FROM denials d WHERE \(clause) ORDER BY d.time_ms, d.node, d.serial
            """)
        let candidates = try CandidateLookup(db)
        try denials.bind(values)
        while try denials.step() {
            let run = denials.int64(at: 0) ?? 0
            let node = denials.string(at: 1) ?? ""
            let source = try candidates.side(run: run, side: "source", count: denials.int64(at: 15) ?? 0,
                                             first: (denials.string(at: 16), denials.string(at: 17)))
            let target = try candidates.side(run: run, side: "target", count: denials.int64(at: 18) ?? 0,
                                             first: (denials.string(at: 19), denials.string(at: 20)))
            try emit([
                ("node", node.isEmpty ? .null : .string(node)),
                ("time", .string(Timestamp.iso8601(milliseconds: denials.int64(at: 2) ?? 0))),
                ("serial", .int(denials.int64(at: 3) ?? 0)),
                ("kind", .string(denials.string(at: 4) ?? "")),
                ("source_vm", source.names),
                ("source_uuid", source.uuids),
                ("target_vm", target.names),
                ("target_uuid", target.uuids),
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
                ("reason", denials.string(at: 21).map { .string($0) } ?? .null),
            ])
        }
    }
}

/// Reads every candidate of one side of a denial, but only when there is more than one: the
/// run row already holds the first.
struct CandidateLookup {
    private let statement: SQLiteStatement

    /// - Throws: when the database is damaged (the statement itself is constant and valid).
    init(_ db: SQLiteDatabase) throws {
        statement = try db.prepare("""
            SELECT l.name, g.uuid FROM run_parties p
            JOIN leases l ON l.id = p.lease_id JOIN guests g ON g.id = l.guest_id
            WHERE p.run_id = ? AND p.side = ? ORDER BY l.name, g.uuid
            """)
    }

    func side(run: Int64, side: String, count: Int64, first: (String?, String?)) throws -> (names: OutputValue, uuids: OutputValue) {
        switch count {
        case 0: return (.null, .null)
        case 1: return (first.0.map { .string($0) } ?? .null, first.1.map { .string($0) } ?? .null)
        default:
            try statement.bind([.integer(run), .text(side)])
            var names: [String] = []
            var uuids: [String] = []
            while try statement.step() {
                names.append(statement.string(at: 0) ?? "")
                uuids.append(statement.string(at: 1) ?? "")
            }
            return (.strings(names), .strings(uuids))
        }
    }
}
