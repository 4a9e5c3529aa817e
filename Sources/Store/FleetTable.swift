/// A table of the SQLite store as the fleet store mirrors it (schema/postgresql/002): the same
/// columns, plus `spool`, plus `node` where the SQLite table has none, with every spool id moved
/// into the spool's own range of fleet ids.
struct FleetTable: Sendable {
    let name: String
    /// The SQLite primary key: the rowid's alias `id`, or the key of a WITHOUT ROWID table.
    let key: [String]
    /// Columns that hold a spool id: shipped as `FleetTable.fleetID(spool:local:)`.
    let ids: Set<String>
    /// The SQLite table has a node column of its own (else the spool's node is given).
    let hasNode: Bool
    /// The fleet store's primary key: the conflict target of an upsert.
    let fleetKey: [String]
    /// The column whose month must have its partition before the row is shipped.
    let month: String?
    /// The fleet store has an index led by `id` (beside the key led by node and month): this
    /// spool's highest id there is one index probe.
    var indexedByID = false
    /// A table without an id of its own whose rows belong to a row of another (a run's
    /// parties): `column` holds that row's id in `table`.
    var ownerKey: (table: String, column: String)?

    var isRowID: Bool { key == ["id"] }

    /// Ids of one spool start at spool * 2^40: a trillion rows per spool, 8 million spools.
    static let spoolShift: Int64 = 40

    static func fleetID(spool: Int64, local: Int64) -> Int64 { spool << spoolShift | local }

    /// In the order they are shipped: a reader of the fleet store sees a batch at once (one
    /// transaction), so the order only keeps the statements readable.
    static let all: [FleetTable] = [
        .init(name: "sources", key: ["id"], ids: ["id"], hasNode: false, fleetKey: ["node", "id"], month: nil),
        .init(name: "strings", key: ["id"], ids: ["id"], hasNode: false, fleetKey: ["id"], month: nil, indexedByID: true),
        .init(name: "guests", key: ["id"], ids: ["id"], hasNode: true, fleetKey: ["node", "id"], month: nil),
        .init(name: "leases", key: ["id"], ids: ["id", "guest_id"], hasNode: true, fleetKey: ["node", "id"], month: nil),
        .init(name: "evidence_blocks", key: ["id"], ids: ["id"], hasNode: false, fleetKey: ["node", "first_ms", "id"],
              month: "first_ms", indexedByID: true),
        .init(name: "denial_runs", key: ["id"],
              ids: ["id", "scontext", "tcontext", "stype", "ttype", "slevel", "tlevel", "comm", "exe", "cwd", "path",
                    "proctitle", "source_vm", "source_uuid", "source_key", "target_vm", "target_uuid", "target_key"],
              hasNode: true, fleetKey: ["node", "first_ms", "id"], month: "first_ms", indexedByID: true),
        .init(name: "audit_events", key: ["id"], ids: ["id", "source_id", "run_id", "block_id"], hasNode: true,
              fleetKey: ["node", "time_ms", "id"], month: "time_ms", indexedByID: true),
        .init(name: "run_parties", key: ["run_id", "side", "lease_id"], ids: ["run_id", "lease_id"], hasNode: false,
              fleetKey: ["node", "run_id", "side", "lease_id"], month: nil, ownerKey: ("denial_runs", "run_id")),
        .init(name: "guest_resources", key: ["id"], ids: ["id", "audit_event_id", "lease_id"], hasNode: true,
              fleetKey: ["node", "id"], month: nil, indexedByID: true),
        .init(name: "events", key: ["id"], ids: ["id", "audit_event_id"], hasNode: true, fleetKey: ["node", "id"], month: nil,
              indexedByID: true),
        .init(name: "coverage_marks", key: ["id"], ids: ["id"], hasNode: true, fleetKey: ["node", "id"], month: nil),
        .init(name: "parse_errors", key: ["id"], ids: ["id", "source_id"], hasNode: false, fleetKey: ["node", "id"], month: nil),
        .init(name: "parse_error_counts", key: ["source_key", "reason", "stage"], ids: ["source_key"], hasNode: false,
              fleetKey: ["node", "spool", "source_key", "reason", "stage"], month: nil),
        .init(name: "pair_totals", key: ["source_key", "target_key"], ids: [], hasNode: false,
              fleetKey: ["node", "spool", "source_key", "target_key"], month: nil),
        .init(name: "daily_totals", key: ["day", "node", "kind"], ids: [], hasNode: true,
              fleetKey: ["node", "spool", "day", "kind"], month: nil),
        .init(name: "node_activity", key: ["node"], ids: [], hasNode: true, fleetKey: ["node", "spool"], month: nil),
        .init(name: "alerts", key: ["id"], ids: ["id"], hasNode: true, fleetKey: ["node", "id"], month: nil, indexedByID: true),
        .init(name: "alert_deliveries", key: ["alert", "sink"], ids: ["alert"], hasNode: false,
              fleetKey: ["node", "alert", "sink"], month: nil),
        .init(name: "alert_windows", key: ["owner", "key"], ids: [], hasNode: false,
              fleetKey: ["node", "spool", "owner", "key"], month: nil),
    ]

    static let byName: [String: FleetTable] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
