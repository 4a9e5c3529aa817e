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

    /// One source's row, as the statement sums it up (or as two statements' rows merged).
    struct Aggregate {
        var key: String
        var sourceVM: String?
        var sourceCount: Int64?
        var kinds: String?
        var count: Int64
        var perms: String?
        var tclasses: String?
        var first: Int64
        var last: Int64
        var permissive: Int64
        var nodes: String?
        var scontext: String?

        init(_ s: any SQLCursor) {
            key = s.string(at: 0) ?? ""
            sourceVM = s.string(at: 1)
            sourceCount = s.int64(at: 2)
            kinds = s.string(at: 3)
            count = s.int64(at: 4) ?? 0
            perms = s.string(at: 5)
            tclasses = s.string(at: 6)
            first = s.int64(at: 7) ?? 0
            last = s.int64(at: 8) ?? 0
            permissive = s.int64(at: 9) ?? 0
            nodes = s.string(at: 10)
            scontext = s.string(at: 11)
        }

        /// As one statement over both parts' events would have summed them up: max and min by
        /// bytes (SQLite's BINARY order), lists joined (they are split, deduplicated and sorted
        /// for output).
        mutating func merge(_ other: Aggregate) {
            sourceVM = Self.pick(sourceVM, other.sourceVM, larger: true)
            sourceCount = [sourceCount, other.sourceCount].compactMap { $0 }.max()
            kinds = Self.joined(kinds, other.kinds)
            count += other.count
            perms = Self.joined(perms, other.perms)
            tclasses = Self.joined(tclasses, other.tclasses)
            first = min(first, other.first)
            last = max(last, other.last)
            permissive = max(permissive, other.permissive)
            nodes = Self.joined(nodes, other.nodes)
            scontext = Self.pick(scontext, other.scontext, larger: false)
        }

        private static func joined(_ a: String?, _ b: String?) -> String? {
            guard let a else { return b }
            guard let b else { return a }
            return a + "," + b
        }

        private static func pick(_ a: String?, _ b: String?, larger: Bool) -> String? {
            guard let a else { return b }
            guard let b else { return a }
            let aFirst = ExactText.byBytes(a, b)
            return larger ? (aFirst ? b : a) : (aFirst ? a : b)
        }
    }

    private static let selectList = """
        SELECT coalesce(d.source_key, 'type:' || coalesce(d.stype, '?')), max(d.source_vm), max(d.source_count),
               group_concat(DISTINCT d.kind), count(*), group_concat(DISTINCT \(StoredList.sqlEscaped("d.perms"))),
               group_concat(DISTINCT \(StoredList.sqlEscaped("d.tclass"))),
               min(d.time_ms), max(d.time_ms), max(d.permissive), group_concat(DISTINCT \(StoredList.sqlEscaped("d.node"))), min(d.scontext)
        """

    /// More of a guest's runs than this in one minute may overlap enough to be read together.
    static let crowdedMinute = 16

    /// Throws `GuestNotFound` (with close names) when nothing by that name or UUID was ever seen.
    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let guests = try guest.resolve(db)
        let leases = try guest.leaseIDs(db, guests: guests)
        guard !leases.isEmpty else { return }
        var scoped = filter
        scoped.vm = nil
        let (clause, values) = scoped.clause()
        let leaseList = leases.map { _ in "?" }.joined(separator: ",")
        let leaseValues: [SQLValue] = leases.map { .integer($0) }
        // SQLite: the minutes in which more than `crowdedMinute` of the guest's runs lie. Runs
        // overlap only inside one minute (a run never spans two), and probed run by run through
        // the time index, overlapping runs read their joint range once per run: a thousand
        // distinct denials cycling within a minute took 8.7-44.8 s for 60,000 denials
        // (helper-92). Those minutes are summed up in one scan each; the others as before.
        let crowded = db.statementsAreRoundTrips ? [] : try db.rows("""
            SELECT run_minute_ms FROM run_parties WHERE side = 'target' AND lease_id IN (\(leaseList))
                AND run_minute_ms IS NOT NULL
            GROUP BY run_minute_ms HAVING count(DISTINCT run_id) > \(Self.crowdedMinute)
            """, leaseValues).compactMap { $0[0].int64 }
        // The run's minute as well as its id: the fleet store finds the run and its events in
        // their month's partitions instead of probing every month (schema/008). A run's events
        // all lie in its minute, so the bounds on the event times only say so to the planner.
        // One row per run, whatever its parties hold (max skips a party without a minute).
        let notCrowded = crowded.isEmpty ? "" : """
             AND (run_minute_ms IS NULL OR run_minute_ms NOT IN (SELECT run_minute_ms FROM run_parties
                 WHERE side = 'target' AND lease_id IN (\(leaseList)) AND run_minute_ms IS NOT NULL
                 GROUP BY run_minute_ms HAVING count(DISTINCT run_id) > \(Self.crowdedMinute)))
            """
        let stmt = try db.query(Self.selectList + """
            FROM (SELECT run_id, max(run_minute_ms) AS run_minute_ms FROM run_parties WHERE side = 'target'
                  AND lease_id IN (\(leaseList))\(notCrowded) GROUP BY run_id) p
            JOIN denials d ON d.run_id = p.run_id AND \(DenialRuns.inPartyMinute("d.run_first_ms", party: "p"))
                AND \(DenialRuns.inPartyMinute("d.time_ms", party: "p"))
            WHERE \(clause)
            GROUP BY 1 ORDER BY count(*) DESC, min(d.time_ms), 1
            """)
        try stmt.bind(leaseValues + (crowded.isEmpty ? [] : leaseValues) + values)
        var aggregates: [Aggregate] = []
        while try stmt.step() { aggregates.append(Aggregate(stmt)) }
        if !crowded.isEmpty {
            aggregates = try Self.adding(crowdedMinutes: crowded, to: aggregates, db: db, leaseList: leaseList,
                                         leaseValues: leaseValues, clause: clause, values: values)
        }
        let names = try GuestNames(db)
        // One type per key: a string when the guest had one name, else null and the names in target_vms.
        // By bytes: two names that differ only in normalization are two names the guest had.
        let targetNames = Set(guests.map { ExactText($0.name) }).map(\.text).sorted(by: ExactText.byBytes)
        let target: OutputValue = targetNames.count == 1 ? .string(targetNames[0]) : .null
        for row in aggregates {
            let key = row.key
            let source: SideValues
            if key.hasPrefix("type:") || key.hasPrefix("label:") {
                source = SideValues()
            } else {
                source = try names.side(key: key, single: row.sourceVM)
            }
            let label: OutputValue = key.hasPrefix("label:") ? .string(String(key.dropFirst(6)))
                : key.hasPrefix("type:") ? .string(row.scontext ?? String(key.dropFirst(5))) : .null
            try emit([
                ("source_vm", source.vm), ("source_uuid", source.uuid), ("source_label", label),
                ("target_vm", target),
                ("kinds", .strings(CrossGuestQuery.items(row.kinds))),
                ("count", .int(row.count)),
                ("perms", .strings(CrossGuestQuery.words(row.perms))),
                ("tclasses", .strings(CrossGuestQuery.items(row.tclasses))),
                ("first_seen", .string(Timestamp.iso8601(milliseconds: row.first))),
                ("last_seen", .string(Timestamp.iso8601(milliseconds: row.last))),
                ("permissive", .bool(row.permissive != 0)),
                ("nodes", .strings(CrossGuestQuery.items(row.nodes))),
                ("source_vms", .strings(source.vms)), ("source_uuids", .strings(source.uuids)),
                ("target_vms", .strings(targetNames)),
            ])
        }
    }

    /// `rows` with the sums of the crowded minutes added: one statement, bound per minute, reads
    /// the minute's events once (the time index over the minute, the runs checked by id) and
    /// sums them up by source; the rows are merged by source and sorted as the one statement
    /// sorts them.
    private static func adding(crowdedMinutes: [Int64], to rows: [Aggregate], db: any SQLReader, leaseList: String,
                               leaseValues: [SQLValue], clause: String, values: [SQLValue]) throws -> [Aggregate] {
        var byKey: [ExactText: Aggregate] = [:]
        func add(_ row: Aggregate) {
            let key = ExactText(row.key)
            if var known = byKey[key] {
                known.merge(row)
                byKey[key] = known
            } else {
                byKey[key] = row
            }
        }
        rows.forEach(add)
        let minute = try db.query(selectList + """
            FROM denials d
            WHERE d.run_id IN (SELECT run_id FROM run_parties WHERE side = 'target' AND lease_id IN (\(leaseList))
                               AND run_minute_ms = ?)
                AND d.time_ms >= ? AND d.time_ms < ? AND \(clause)
            GROUP BY 1
            """)
        for start in crowdedMinutes {
            try minute.bind(leaseValues + [.integer(start), .integer(start), .integer(start + DenialRuns.spanMilliseconds)] + values)
            while try minute.step() { add(Aggregate(minute)) }
        }
        return byKey.values.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.first != b.first { return a.first < b.first }
            return ExactText.byBytes(a.key, b.key)
        }
    }
}
