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
                              "boolean", "reason", "id", "source_vms", "source_uuids", "target_vms", "target_uuids"]

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let (clause, values) = filter.clause()
        let denials = try db.query("""
            SELECT d.run_id, d.node, d.time_ms, d.serial, d.kind, d.scontext, d.tcontext, d.tclass, d.perms, d.permissive,
                   d.pid, d.comm, d.exe, d.path, d.boolean, d.source_count, d.source_vm, d.source_uuid,
                   d.target_count, d.target_vm, d.target_uuid, d.reason
            FROM denials d WHERE \(clause) ORDER BY d.time_ms, d.node, d.serial, d.id
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
                ("source_vm", source.vm),
                ("source_uuid", source.uuid),
                ("target_vm", target.vm),
                ("target_uuid", target.uuid),
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
                ("id", .string(EventReference.text(node: node, serial: denials.int64(at: 3) ?? 0))),
                ("source_vms", .strings(source.vms)), ("source_uuids", .strings(source.uuids)),
                ("target_vms", .strings(target.vms)), ("target_uuids", .strings(target.uuids)),
            ])
        }
    }
}

/// Reads every candidate of one side of a denial, but only when there is more than one: the
/// run row already holds the first.
struct CandidateLookup {
    private let statement: any SQLCursor

    /// - Throws: when the database is damaged (the statement itself is constant and valid).
    init(_ db: any SQLReader) throws {
        statement = try db.lookup("""
            SELECT l.name, g.uuid FROM run_parties p
            JOIN leases l ON l.id = p.lease_id JOIN guests g ON g.id = l.guest_id
            WHERE p.run_id = ? AND p.side = ? ORDER BY l.name, g.uuid
            """)
    }

    func side(run: Int64, side: String, count: Int64, first: (String?, String?)) throws -> SideValues {
        switch count {
        case 0: return SideValues()
        case 1: return SideValues(vm: first.0, uuid: first.1)
        default:
            try statement.bind([.integer(run), .text(side)])
            var names: [String] = []
            var uuids: [String] = []
            while try statement.step() {
                names.append(statement.string(at: 0) ?? "")
                uuids.append(statement.string(at: 1) ?? "")
            }
            return SideValues(vms: names, uuids: uuids)
        }
    }
}

/// One side of a denial or a pair as output: `vm` and `uuid` are strings (the one guest, or for
/// `cross-guest` the label no guest held) or null, never lists, so a jq filter on them works on
/// every row; `vms` and `uuids` list every candidate guest (one in the common case, several on a
/// label collision, none for an unknown label).
struct SideValues {
    var vm: OutputValue = .null
    var uuid: OutputValue = .null
    var vms: [String] = []
    var uuids: [String] = []

    init() {}

    /// Exactly one guest.
    init(vm: String?, uuid: String?) {
        self.vm = vm.map { .string($0) } ?? .null
        self.uuid = uuid.map { .string($0) } ?? .null
        vms = vm.map { [$0] } ?? []
        uuids = uuid.map { [$0] } ?? []
    }

    /// Several candidates: no single guest to name.
    init(vms: [String], uuids: [String]) {
        self.vms = vms
        self.uuids = uuids
    }

    /// A label no guest held.
    init(label: String) {
        vm = .string(label)
    }
}
