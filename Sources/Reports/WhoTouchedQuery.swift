import Native
import Formatting
import Store

/// `query who-touched VM`: every guest, unknown label or host domain that tried to reach any of
/// VM's resources (its images, devices or QEMU process) during any of its lifetimes.
public struct WhoTouchedQuery: Sendable {
    public var guest: GuestSelector
    public var filter: DenialFilter

    public init(guest: GuestSelector, filter: DenialFilter = DenialFilter()) {
        self.guest = guest
        self.filter = filter
    }

    public static let keys = ["source_vm", "source_uuid", "source_label", "target_vm", "kinds", "count", "perms",
                              "tclasses", "first_seen", "last_seen", "permissive", "nodes", "source_vms", "source_uuids",
                              "target_vms"]

    /// Throws `GuestNotFound` (with close names) when nothing by that name or UUID was ever seen.
    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let guests = try guest.resolve(db)
        let leases = try guest.leaseIDs(db, guests: guests)
        guard !leases.isEmpty else { return }
        var scoped = filter
        scoped.vm = nil
        let (clause, values) = scoped.clause()
        // The run's minute as well as its id: the fleet store finds the run and its events in
        // their month's partitions instead of probing every month (schema/008). A run's events
        // all lie in its minute, so the bounds on the event times only say so to the planner.
        // One row per run, whatever its parties hold (max skips a party without a minute).
        let stmt = try db.query("""
            SELECT coalesce(d.source_key, 'type:' || coalesce(d.stype, '?')), max(d.source_vm), max(d.source_count),
                   group_concat(DISTINCT d.kind), count(*), group_concat(DISTINCT \(StoredList.sqlEscaped("d.perms"))),
                   group_concat(DISTINCT \(StoredList.sqlEscaped("d.tclass"))),
                   min(d.time_ms), max(d.time_ms), max(d.permissive), group_concat(DISTINCT \(StoredList.sqlEscaped("d.node"))), min(d.scontext)
            FROM (SELECT run_id, max(run_minute_ms) AS run_minute_ms FROM run_parties WHERE side = 'target'
                  AND lease_id IN (\(leases.map { _ in "?" }.joined(separator: ","))) GROUP BY run_id) p
            JOIN denials d ON d.run_id = p.run_id AND \(DenialRuns.inPartyMinute("d.run_first_ms", party: "p"))
                AND \(DenialRuns.inPartyMinute("d.time_ms", party: "p"))
            WHERE \(clause)
            GROUP BY 1 ORDER BY count(*) DESC, min(d.time_ms), 1
            """)
        try stmt.bind(leases.map { .integer($0) } + values)
        let names = try GuestNames(db)
        // One type per key: a string when the guest had one name, else null and the names in target_vms.
        // By bytes: two names that differ only in normalization are two names the guest had.
        let targetNames = Set(guests.map { ExactText($0.name) }).map(\.text).sorted(by: ExactText.byBytes)
        let target: OutputValue = targetNames.count == 1 ? .string(targetNames[0]) : .null
        while try stmt.step() {
            let key = stmt.string(at: 0) ?? ""
            let source: SideValues
            if key.hasPrefix("type:") || key.hasPrefix("label:") {
                source = SideValues()
            } else {
                source = try names.side(key: key, single: stmt.string(at: 1))
            }
            let label: OutputValue = key.hasPrefix("label:") ? .string(String(key.dropFirst(6)))
                : key.hasPrefix("type:") ? .string(stmt.string(at: 11) ?? String(key.dropFirst(5))) : .null
            try emit([
                ("source_vm", source.vm), ("source_uuid", source.uuid), ("source_label", label),
                ("target_vm", target),
                ("kinds", .strings(CrossGuestQuery.items(stmt.string(at: 3)))),
                ("count", .int(stmt.int64(at: 4) ?? 0)),
                ("perms", .strings(CrossGuestQuery.words(stmt.string(at: 5)))),
                ("tclasses", .strings(CrossGuestQuery.items(stmt.string(at: 6)))),
                ("first_seen", .string(Timestamp.iso8601(milliseconds: stmt.int64(at: 7) ?? 0))),
                ("last_seen", .string(Timestamp.iso8601(milliseconds: stmt.int64(at: 8) ?? 0))),
                ("permissive", .bool((stmt.int64(at: 9) ?? 0) != 0)),
                ("nodes", .strings(CrossGuestQuery.items(stmt.string(at: 10)))),
                ("source_vms", .strings(source.vms)), ("source_uuids", .strings(source.uuids)),
                ("target_vms", .strings(targetNames)),
            ])
        }
    }
}
