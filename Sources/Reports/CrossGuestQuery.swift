import Native
import Formatting
import Store

/// `query cross-guest`: one row per source→target pair of guests (or unknown labels), over the
/// cross-guest, unknown-source and unknown-target denials that match the filter.
public struct CrossGuestQuery: Sendable {
    public static let kinds = RunningTotals.pairKinds
    public var filter: DenialFilter

    public init(filter: DenialFilter = DenialFilter()) {
        self.filter = filter
        if self.filter.kinds.isEmpty { self.filter.kinds = Self.kinds }
    }

    public static let keys = ["source_vm", "source_uuid", "target_vm", "target_uuid", "count", "first_seen", "last_seen",
                              "perms", "tclasses", "nodes", "permissive", "sample_path", "source_vms", "source_uuids",
                              "target_vms", "target_uuids"]

    /// The default kinds and no other filter: the running totals answer it without touching the
    /// denials.
    var usesTotals: Bool {
        var plain = DenialFilter()
        plain.kinds = Self.kinds
        return plain.clause().sql == filter.clause().sql && Set(filter.kinds) == Set(Self.kinds)
    }

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let (clause, values) = filter.clause()
        let usesTotals = self.usesTotals
        let stmt: any SQLCursor
        // Ties are broken by the pair, so the totals and a scan of the rows list pairs in one order.
        if usesTotals {
            stmt = try db.query("""
                SELECT source_key, target_key, count, first_ms, last_ms, perms, tclasses, nodes, permissive, sample_path,
                       source_vm, target_vm
                FROM pair_totals WHERE count > 0 ORDER BY count DESC, first_ms, source_key, target_key
                """)
        } else {
            stmt = try db.query("""
                SELECT d.source_key, d.target_key, count(*), min(d.time_ms), max(d.time_ms),
                       group_concat(DISTINCT \(StoredList.sqlEscaped("d.perms"))), group_concat(DISTINCT \(StoredList.sqlEscaped("d.tclass"))),
                       group_concat(DISTINCT \(StoredList.sqlEscaped("CASE d.node WHEN '' THEN '-' ELSE d.node END"))),
                       max(d.permissive), min(d.path), max(d.source_vm), max(d.target_vm)
                FROM denials d WHERE \(clause) AND d.source_key IS NOT NULL AND d.target_key IS NOT NULL
                GROUP BY d.source_key, d.target_key
                ORDER BY count(*) DESC, min(d.time_ms), d.source_key, d.target_key
                """)
        }
        let names = try GuestNames(db)
        try stmt.bind(usesTotals ? [] : values)
        while try stmt.step() {
            let source = try names.side(key: stmt.string(at: 0) ?? "", single: stmt.string(at: 10))
            let target = try names.side(key: stmt.string(at: 1) ?? "", single: stmt.string(at: 11))
            try emit([
                ("source_vm", source.vm), ("source_uuid", source.uuid),
                ("target_vm", target.vm), ("target_uuid", target.uuid),
                ("count", .int(stmt.int64(at: 2) ?? 0)),
                ("first_seen", .string(Timestamp.iso8601(milliseconds: stmt.int64(at: 3) ?? 0))),
                ("last_seen", .string(Timestamp.iso8601(milliseconds: stmt.int64(at: 4) ?? 0))),
                ("perms", .strings(usesTotals ? Self.list(stmt.string(at: 5)) : Self.words(stmt.string(at: 5)))),
                ("tclasses", .strings(usesTotals ? Self.list(stmt.string(at: 6)) : Self.items(stmt.string(at: 6)))),
                ("nodes", .strings(usesTotals ? Self.list(stmt.string(at: 7)) : Self.items(stmt.string(at: 7)))),
                ("permissive", .bool((stmt.int64(at: 8) ?? 0) != 0)),
                ("sample_path", stmt.string(at: 9).map { .string($0) } ?? .null),
                ("source_vms", .strings(source.vms)), ("source_uuids", .strings(source.uuids)),
                ("target_vms", .strings(target.vms)), ("target_uuids", .strings(target.uuids)),
            ])
        }
    }

    /// A stored sorted set (StoredList). Sorted again by bytes once unescaped: the fleet store
    /// merges its hosts' sets in the order of the escaped items.
    static func list(_ text: String?) -> [String] {
        let items = StoredList.split(text)
        return items.count < 2 ? items : items.sorted(by: ExactText.byBytes)
    }

    /// Distinct items of a group_concat of StoredList.sqlEscaped texts, in byte order; an empty
    /// item (a log without node=) is left out. Distinct by bytes: two spellings of a name (NFC
    /// and NFD) are two hosts, as they are in the running totals.
    static func items(_ text: String?) -> [String] {
        distinct(StoredList.split(text))
    }

    /// Distinct words of a group_concat of StoredList.sqlEscaped lists of permissions (each a
    /// run's, separated by spaces), in byte order.
    static func words(_ text: String?) -> [String] {
        distinct(StoredList.split(text).flatMap { $0.split(separator: " ").map(String.init) })
    }

    static func distinct(_ items: [String]) -> [String] {
        Array(Set(items.filter { !$0.isEmpty }.map(ExactText.init))).map(\.text).sorted(by: ExactText.byBytes)
    }
}

/// Turns a side key (`uuid[,uuid...]` or `label:LEVEL`) into names and uuids for output.
struct GuestNames {
    private let lookup: any SQLCursor

    init(_ db: any SQLReader) throws {
        lookup = try db.lookup("SELECT name FROM guests WHERE uuid = ? ORDER BY id DESC LIMIT 1")
    }

    func side(key: String, single: String?) throws -> SideValues {
        if key.hasPrefix("label:") { return SideValues(label: String(key.dropFirst(6))) }
        // One candidate is the common case: no comma, nothing to look up.
        if !key.utf8.contains(0x2C) { return SideValues(vm: single, uuid: key) }
        // In the writer's order of candidates; a uuid holds no comma.
        let uuids = key.utf8.split(separator: 0x2C).map { String(Substring($0)) }
        var names: [String] = []
        for uuid in uuids {
            try lookup.bind([.text(uuid)])
            names.append(try lookup.step() ? lookup.string(at: 0) ?? uuid : uuid)
        }
        return SideValues(vms: names, uuids: uuids)
    }
}
