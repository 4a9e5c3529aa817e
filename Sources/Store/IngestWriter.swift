import AuditStream
import Findings
import Guests
import Native
import SELinux
import Formatting

/// Writes findings through prepared statements reused for every row, in transactions the caller
/// sizes. Several writers may share a database (a watch per host, an ingest of rotated files
/// beside it): each transaction starts with BEGIN IMMEDIATE, so the write lock is held before
/// anything is read that the transaction writes from, and `begin()` says when another writer
/// committed in between, so that the caller re-reads the state it keeps in memory.
public final class IngestWriter {
    let database: Database
    private var db: SQLiteDatabase { database.connection }
    /// By bytes: node and name as stored (a rename that only changes a name's normalization is a
    /// rename to SQLite, and two node spellings are two guests).
    private var guestIDs: [ExactText: (id: Int64, name: ExactText)] = [:]
    public private(set) var inTransaction = false
    /// `PRAGMA data_version` inside the last transaction: it changes only when another
    /// connection commits. nil before the first transaction and after a rollback, when the
    /// caller's memory may hold what was never committed.
    private var dataVersion: Int64?
    private let readDataVersion: SQLiteStatement

    private let findEvent: SQLiteStatement
    private let findOccurrence: SQLiteStatement
    /// How many stored occurrences of one event ID are read for each event with that ID (the
    /// one at the event's own line is looked up beyond them). A real log repeats an ID only when
    /// it was pasted or concatenated; a crafted one may repeat one ID by the hundred thousand,
    /// and every occurrence was read for every event (20,000 of one ID took 75 s).
    static let occurrencesRead = 16
    private let insertEvent: SQLiteStatement
    /// An audit event's row goes in on the connection's write thread under an id chosen here.
    private let newEventIDs: RowIDCounter
    private let upsertGuest: SQLiteStatement
    private let upsertLease: SQLiteStatement
    private let strings: StringTable
    private let evidence: EvidenceBlockWriter
    private var recentBlock = RecentEvidenceBlock()
    let runs: DenialRunFolder
    private let insertRecordedEvent: SQLiteStatement
    private let insertResource: SQLiteStatement
    private let insertIssue: SQLiteStatement
    let totals: RunningTotals
    let coverage: CoverageWriter
    /// Denials this writer stored that an unseen stop moved to `unattributed`, by their old
    /// kind, since `takeReclassified`.
    var reclassified: [String: Int] = [:]
    /// The same for denials stored before this writer began (`takeReclassifiedEarlier`).
    var reclassifiedEarlier: [String: Int] = [:]
    /// The newest audit event id when this writer began: events at or below it are an earlier
    /// run's (another writer's events committed since may count as this one's: only the summary
    /// line reads it).
    let storedBefore: Int64
    private let newestCommitted: SQLiteStatement
    /// A flood's run facts and totals keys, by the caller's repeat number (values only: nothing
    /// here refers to rows).
    private var repeatPlans: [Int: RunPlan] = [:]
    /// Per node: the newest event time committed when this writer last looked (node_activity),
    /// and the newest position this writer stored since. An event past both cannot be stored
    /// yet, so the lookup by ID is skipped: a live log and a flood are all such events.
    private var newestStored: [ExactText: (committed: Int64, own: EventPosition?)] = [:]
    /// A spool written back from the fleet store (restore-spool) reads the logs it knew again
    /// from their start; what in them is older than the oldest event it held was pruned (or
    /// never stored). Stored again, a pruned guest start would open a lease whose stop, still
    /// stored, is skipped. A log it never knew is read as any other.
    private let restoredHistory: FleetSpool.RestoredHistory?

    public init(database: Database) throws {
        self.database = database
        let db = database.connection
        db.pollWhileBusy(timeoutMilliseconds: database.busyTimeoutMilliseconds)
        storedBefore = try db.rows("SELECT coalesce(max(id), 0) FROM audit_events").first?[0].int64 ?? 0
        restoredHistory = try FleetSpool.restoredHistory(db)
        readDataVersion = try db.prepare("PRAGMA data_version")
        findEvent = try db.prepare("""
            SELECT source_id, line, occurrence, id FROM audit_events WHERE node = ? AND serial = ? AND time_ms = ?
            ORDER BY occurrence LIMIT \(Self.occurrencesRead + 1)
            """)
        findOccurrence = try db.prepare("""
            SELECT source_id, line, occurrence, id FROM audit_events WHERE node = ? AND serial = ? AND time_ms = ? AND occurrence = ?
            """)
        newEventIDs = try RowIDCounter(connection: db, table: "audit_events")
        insertEvent = try db.prepare("""
            INSERT INTO audit_events(id, node, time_ms, serial, occurrence, source_id, line, run_id, block_id,
                                     block_offset, block_length)
            VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """)
        upsertGuest = try db.prepare("""
            INSERT INTO guests(node, uuid, name) VALUES (?,?,?)
            ON CONFLICT(node, uuid) DO UPDATE SET name = excluded.name RETURNING id
            """)
        upsertLease = try db.prepare("""
            INSERT INTO leases(id, guest_id, node, name, model, label, image_label, level, process_type, is_static,
                               pid, valid_from_ms, valid_from_serial, valid_to_ms, valid_to_serial, started, origin)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, is_static = excluded.is_static, pid = excluded.pid,
                valid_to_ms = excluded.valid_to_ms, valid_to_serial = excluded.valid_to_serial,
                started = excluded.started
            """)
        strings = try StringTable(connection: db)
        evidence = try EvidenceBlockWriter(connection: db)
        runs = try DenialRunFolder(connection: db)
        insertRecordedEvent = try db.prepare("""
            INSERT INTO events(audit_event_id, node, time_ms, serial, kind, vm, uuid, label, detail)
            VALUES (?,?,?,?,?,?,?,?,?)
            """)
        insertResource = try db.prepare("""
            INSERT INTO guest_resources(audit_event_id, node, time_ms, uuid, vm, lease_id, resource, reason,
                                        old_value, new_value, success)
            VALUES (?,?,?,?,?,?,?,?,?,?,?)
            """)
        totals = try RunningTotals(connection: db)
        coverage = try CoverageWriter(connection: db)
        newestCommitted = try db.prepare("SELECT last_ms FROM node_activity WHERE node = ?")
        // Past the cap the row is marked overflow, without its text; the schema's triggers fold
        // it into parse_error_counts once the checkpoint passes its line (schema/003).
        insertIssue = try db.prepare("""
            INSERT INTO parse_errors(source_id, path, line, byte_offset, reason, text, stage, overflow)
            SELECT ?1, ?2, ?3, ?4, ?5, CASE WHEN full THEN '' ELSE ?6 END, ?7, full
            FROM (SELECT coalesce(sum(kept), 0) >= \(ParseErrorLimit.keptPerSourceAndReason) AS full FROM parse_error_counts
                  WHERE source_key = coalesce(?1, 0) AND reason = ?5)
            WHERE 1
            ON CONFLICT DO NOTHING
            """)
    }

    // MARK: transactions

    /// Takes the write lock. Returns true when the state a caller keeps in memory (leases, lease
    /// ids) may be stale: another writer committed since this one's last transaction, this is the
    /// first transaction, or the last one was rolled back.
    @discardableResult
    public func begin() throws -> Bool {
        guard !inTransaction else { return false }
        try wrapped { try db.execute("BEGIN IMMEDIATE") }
        inTransaction = true
        let version: Int64
        do {
            guard try readDataVersion.step(), let value = readDataVersion.int64(at: 0) else {
                throw SQLiteError(code: 1, message: "PRAGMA data_version returned nothing", sql: readDataVersion.sql)
            }
            version = value
            try readDataVersion.bind([])
        } catch {
            rollback()
            throw StoreError.wrap(error, path: database.path, timeout: database.busyTimeoutMilliseconds)
        }
        let stale = dataVersion != version
        dataVersion = version
        if stale {
            guestIDs.removeAll()
            newestStored.removeAll()
            totals.forgetStored()
            strings.forget()
            runs.forget()
        }
        return stale
    }

    public func commit() throws {
        guard inTransaction else { return }
        try wrapped {
            try runs.flush()
            try evidence.flush()
            try totals.flush()
            try database.outboxCleaner?.clear(in: db)
            try db.execute("COMMIT")
        }
        inTransaction = false
        newEventIDs.reset()
        runs.transactionEnded()
        strings.transactionEnded()
    }

    public func rollback() {
        guard inTransaction else { return }
        totals.discard()
        totals.forgetStored()
        runs.forget()
        strings.forget()
        evidence.discard()
        try? db.execute("ROLLBACK")
        inTransaction = false
        newEventIDs.reset()
        dataVersion = nil
        guestIDs.removeAll()
        newestStored.removeAll()
    }

    func wrapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            throw StoreError.wrap(error, path: database.path, timeout: database.busyTimeoutMilliseconds)
        }
    }

    /// Writes what is gathered in memory (totals, run counts, the open evidence block) and drops
    /// what is kept about runs and strings: called before rows are deleted in this transaction by
    /// someone other than this writer (a prune chunk run by watch).
    public func forgetFolding() throws {
        try wrapped {
            try totals.flush()
            totals.forgetStored()
            try runs.flush()
            // The block's row must exist before a prune counts its events out of it: written later,
            // it would keep the count of events already deleted, and never be freed.
            try evidence.flush()
            runs.forget()
            strings.forget()
        }
    }

    // MARK: leases

    /// The newest event time stored of each node (by NodeName.key): where the lease timeline stood.
    /// The newest event of each node among the last events stored of a source (the last
    /// `newestEventsScanned` events stored at all: bounded, whatever the store's size; a source
    /// written long ago has none there, and gives nothing).
    public func newestEvents(sourceID: Int64) throws -> [(node: String?, timeMilliseconds: Int64, serial: Int64)] {
        try wrapped {
            var newest: [String: (time: Int64, serial: Int64)] = [:]
            for row in try db.rows("""
                SELECT node, time_ms, serial FROM audit_events
                WHERE id > (SELECT coalesce(max(id), 0) FROM audit_events) - ? AND source_id = ?
                """, [.integer(Int64(Self.newestEventsScanned)), .integer(sourceID)]) {
                guard let time = row[1].int64, let serial = row[2].int64 else { continue }
                let node = row[0].string ?? ""
                if let known = newest[node], (known.time, known.serial) >= (time, serial) { continue }
                newest[node] = (time, serial)
            }
            return newest.sorted { $0.key < $1.key }.map { ($0.key.isEmpty ? nil : $0.key, $0.value.time, $0.value.serial) }
        }
    }

    static let newestEventsScanned = 20_000

    public func newestEventTimes() throws -> [String: Int64] {
        var newest: [String: Int64] = [:]
        for row in try wrapped({ try db.rows("SELECT node, last_ms FROM node_activity") }) {
            guard let last = row[1].int64 else { continue }
            let key = NodeName.key(row[0].string ?? "")
            newest[key] = max(newest[key] ?? last, last)
        }
        return newest
    }

    public func loadLeases() throws -> [Lease] {
        let rows = try wrapped { try db.rows("""
            SELECT l.id, l.node, g.uuid, l.name, l.model, l.label, l.image_label, l.level, l.process_type,
                   l.is_static, l.pid, l.valid_from_ms, l.valid_from_serial, l.valid_to_ms, l.valid_to_serial,
                   l.started, l.origin
            FROM leases l JOIN guests g ON g.id = l.guest_id ORDER BY l.id
            """) }
        return rows.map { r in
            func position(_ ms: SQLValue, _ serial: SQLValue) -> EventPosition? {
                guard let ms = ms.int64 else { return nil }
                return EventPosition(timeMilliseconds: ms, serial: serial.int64 ?? 0)
            }
            let node = r[1].string.flatMap { $0.isEmpty ? nil : $0 }
            return Lease(id: r[0].int64 ?? 0, node: node, uuid: r[2].string ?? "", name: r[3].string ?? "",
                         model: r[4].string ?? "selinux", label: r[5].string ?? "", imageLabel: r[6].string,
                         level: r[7].string.flatMap { try? MLSLevel.parse($0) }, processType: r[8].string,
                         isStatic: r[9].int64 == 1, pid: r[10].int64, validFrom: position(r[11], r[12]),
                         validTo: position(r[13], r[14]), started: r[15].int64 == 1,
                         origin: Lease.Origin(rawValue: r[16].string ?? "") ?? .audit)
        }
    }

    /// Guest row id, cached with the name last written so a rename (same uuid) is stored once.
    private func guestID(node: String?, uuid: String, name: String) throws -> Int64 {
        let key = ExactText("\(node ?? "")\u{0}\(uuid)")
        if let cached = guestIDs[key], cached.name == ExactText(name) { return cached.id }
        try upsertGuest.bind([.text(node ?? ""), .text(uuid), .text(name)])
        guard try upsertGuest.step(), let id = upsertGuest.int64(at: 0) else {
            throw StoreError.sqlite(SQLiteError(code: 1, message: "guest upsert returned no id", sql: upsertGuest.sql))
        }
        while try upsertGuest.step() {}
        guestIDs[key] = (id, ExactText(name))
        return id
    }

    /// Deferred (no result is read back): run at once, every lifecycle event made the correlating
    /// thread wait for the write thread's queue and run what was left of it itself, 4-5 % of a
    /// denial-dense ingest's CPU moved onto the busier thread. A later statement that is run at
    /// once still sees the row: it waits for every deferred write first.
    private func store(lease: Lease) throws {
        let guest = try guestID(node: lease.node, uuid: lease.uuid, name: lease.name)
        db.runDeferred(upsertLease, [
            .integer(lease.id), .integer(guest), .text(lease.node ?? ""), .text(lease.name), .text(lease.model),
            .text(lease.label), lease.imageLabel.sql, lease.level.map { .text("\($0)") } ?? .null,
            lease.processType.sql, .integer(lease.isStatic ? 1 : 0), lease.pid.sql,
            lease.validFrom.map { .integer($0.timeMilliseconds) } ?? .null,
            lease.validFrom.map { .integer($0.serial) } ?? .null,
            lease.validTo.map { .integer($0.timeMilliseconds) } ?? .null,
            lease.validTo.map { .integer($0.serial) } ?? .null,
            .integer(lease.started ? 1 : 0), .text(lease.origin.rawValue),
        ])
    }

    // MARK: events

    /// How an event relates to what the store already holds.
    public enum Novelty: Equatable, Sendable {
        /// Not stored yet.
        case new
        /// The same ID again further down the same source: stored as its own event.
        case repeatInSource(occurrence: Int64)
        /// Already stored: re-read after a resume, a renamed file, or the same events from
        /// another source.
        case alreadyStored
        /// Stored from the same line while that line was still being written (an unterminated
        /// last line); the complete version replaces it.
        case replaces(auditEventID: Int64, occurrence: Int64)
        /// Stored from another source, holding records of other kinds than this one's: the two
        /// are the pieces of one event that auditd's rotation split between two files (it checks
        /// the log's size after each record, not each event). `records` are the stored piece's;
        /// the event made of both (those and this one's records at `added`) takes its place, under
        /// its source and line.
        case continues(auditEventID: Int64, sourceID: Int64?, line: Int64?, occurrence: Int64,
                       records: [EvidenceFormat.Record], added: [Int])
    }

    public func novelty(of event: AuditEvent, sourceID: Int64?) throws -> Novelty {
        try wrapped { try unwrappedNovelty(of: event, sourceID: sourceID) }
    }

    private func unwrappedNovelty(of event: AuditEvent, sourceID: Int64?) throws -> Novelty {
        let id = event.id
        if let restoredHistory, let sourceID, sourceID <= restoredHistory.sourcesUpTo, id.timeMilliseconds < restoredHistory.from {
            return .alreadyStored
        }
        if try isPastEverythingStored(id) { return .new }
        try findEvent.bind([.text(id.node ?? ""), .integer(id.serial), .integer(id.timeMilliseconds)])
        var stored: [(source: Int64?, line: Int64?, occurrence: Int64, row: Int64)] = []
        while try findEvent.step() {
            stored.append((findEvent.int64(at: 0), findEvent.int64(at: 1), findEvent.int64(at: 2) ?? 0, findEvent.int64(at: 3) ?? 0))
        }
        try findEvent.bind([])
        if stored.isEmpty { return .new }
        // Past the first occurrences, the one read at this very line (a resume) is looked up alone.
        if stored.count > Self.occurrencesRead, !stored.contains(where: { $0.line == Int64(event.firstLine) }) {
            try findOccurrence.bind([.text(id.node ?? ""), .integer(id.serial), .integer(id.timeMilliseconds),
                                     .integer(Int64(event.firstLine))])
            if try findOccurrence.step() {
                stored.append((findOccurrence.int64(at: 0), findOccurrence.int64(at: 1), findOccurrence.int64(at: 2) ?? 0,
                               findOccurrence.int64(at: 3) ?? 0))
            }
            try findOccurrence.bind([])
        }
        // The records of `event` that continue a stored event's (`SplitEvent`), if any.
        func continuation(of records: [EvidenceFormat.Record], avcsByDenial: Bool = true) -> [Int]? {
            SplitEvent.continuation(of: records.map { ($0.type, $0.raw) }, in: event.records.map { ($0.type, $0.raw) },
                                    avcsByDenial: avcsByDenial)
        }
        if stored.contains(where: { $0.source != sourceID }) {
            guard stored.count == 1, let piece = stored.first else { return .alreadyStored }
            let records = try storedRecords(auditEventID: piece.row)
            guard let added = continuation(of: records) else { return .alreadyStored }
            return .continues(auditEventID: piece.row, sourceID: piece.source, line: piece.line,
                              occurrence: piece.occurrence, records: records, added: added)
        }
        // The rest of a stored event, read from where a resume starts: a record the end of an
        // earlier input cut (its closing PROCTITLE, after which the event was complete and the
        // checkpoint moved to that line) is replaced by its whole version. The cut copy stayed the
        // event's evidence for good before (helper-84).
        if event.isHeadFragment, stored.count == 1, let piece = stored.first {
            let records = try storedRecords(auditEventID: piece.row)
            let cut = Set(records.indices.filter { index in
                event.records.contains { $0.type == records[index].type && $0.raw.count > records[index].raw.count
                    && $0.raw.hasPrefix(records[index].raw) }
            })
            let kept = records.indices.filter { !cut.contains($0) }.map { records[$0] }
            if !cut.isEmpty, let added = continuation(of: kept, avcsByDenial: false) {
                return .continues(auditEventID: piece.row, sourceID: piece.source, line: piece.line,
                                  occurrence: piece.occurrence, records: kept, added: added)
            }
        }
        guard let same = stored.first(where: { $0.line == Int64(event.firstLine) }) else {
            // The same records again further down the same source (a log concatenated with
            // itself, `cat audit.log audit.log | svirt-trace ingest -`) are a duplicate, not
            // another occurrence: counted twice, and their guest starts and stops applied again
            // out of time order, they mislabelled. Only a repeat that differs is kept. It is
            // compared with the first occurrence alone (a log concatenated with itself repeats
            // that one): each comparison may decompress a block of up to 1 MiB, and a crafted file
            // spreading thousands of IDs' occurrences over many blocks took 126 s compared with 16.
            if let first = stored.first, try storedRecords(auditEventID: first.row).map(\.raw) == event.records.map(\.raw) {
                return .alreadyStored
            }
            return .repeatInSource(occurrence: Int64(event.firstLine))
        }
        let records = try storedRecords(auditEventID: same.row)
        let texts = records.map(\.raw)
        if texts == event.records.map(\.raw) { return .alreadyStored }
        // Grown (a provisional event completed): the new version replaces the old.
        let newTexts = Set(event.records.map(\.raw))
        if texts.isEmpty || texts.allSatisfy({ newTexts.contains($0) }) {
            return .replaces(auditEventID: same.row, occurrence: same.occurrence)
        }
        // The stored event holds records this read lacks: it was joined with the rest of it from
        // the next file (`continues`). The first piece read again adds what it gained, if anything.
        guard let added = continuation(of: records, avcsByDenial: false) else {
            let storedTexts = Set(texts)
            if event.records.allSatisfy({ storedTexts.contains($0.raw) }) { return .alreadyStored }
            // Joined with records read from other files: replaced by this read alone, they were
            // lost (helper-87: a first file read again once grown by a second AVC dropped the
            // SYSCALL, CWD, PATH and PROCTITLE the next files had added). What it gained joins them.
            if records.contains(where: { $0.sourceID != nil }) {
                return .continues(auditEventID: same.row, sourceID: same.source, line: same.line, occurrence: same.occurrence,
                                  records: records, added: event.records.indices.filter { !storedTexts.contains(event.records[$0].raw) })
            }
            return .replaces(auditEventID: same.row, occurrence: same.occurrence)
        }
        return .continues(auditEventID: same.row, sourceID: same.source, line: same.line, occurrence: same.occurrence,
                          records: records, added: added)
    }

    /// The newest event time of the standard-input source read last (an auditd plugin's
    /// stream): where the plugin itself stood, whatever an ingest of the log stored since.
    public func lastStreamEventTime() throws -> Int64? {
        try wrapped {
            try db.rows("SELECT updated_ms FROM sources WHERE last_path = '-' ORDER BY id DESC LIMIT 1").first?.first?.int64
        }
    }

    /// The time of the newest committed event of `node` (nil: lines without node=), nil when the
    /// store holds none.
    public func newestEventTime(node: String?) throws -> Int64? {
        try wrapped {
            try newestCommitted.bind([.text(node ?? "")])
            defer { try? newestCommitted.bind([]) }
            return try newestCommitted.step() ? newestCommitted.int64(at: 0) : nil
        }
    }

    private func isPastEverythingStored(_ id: AuditEventID) throws -> Bool {
        let node = id.node ?? ""
        let mark: (committed: Int64, own: EventPosition?)
        if let known = newestStored[ExactText(node)] {
            mark = known
        } else {
            // Past the cap (a log naming endless nodes) new nodes are simply looked up each time;
            // a mark must never be dropped while this transaction holds events it does not cover.
            guard newestStored.count < 10_000 else { return false }
            try newestCommitted.bind([.text(node)])
            let committed = try newestCommitted.step() ? newestCommitted.int64(at: 0) ?? Int64.max : Int64.min
            try newestCommitted.bind([])
            mark = (committed, nil)
            newestStored[ExactText(node)] = mark
        }
        guard id.timeMilliseconds > mark.committed else { return false }
        guard let own = mark.own else { return true }
        return EventPosition(timeMilliseconds: id.timeMilliseconds, serial: id.serial) > own
    }

    private func noteStored(_ id: AuditEventID) {
        // In place: a flood notes every event, and a lookup and a store cost two hashes of the node.
        guard let index = newestStored.index(forKey: ExactText(id.node ?? "")) else { return }
        let position = EventPosition(timeMilliseconds: id.timeMilliseconds, serial: id.serial)
        newestStored.values[index].own = max(newestStored.values[index].own ?? position, position)
    }

    /// The raw records of a stored event, from its evidence block (or, stored before schema 005,
    /// its raw_records rows); a block still being gathered in this transaction counts.
    func storedRecords(auditEventID: Int64) throws -> [EvidenceFormat.Record] {
        do {
            if let location = try EvidenceStore.location(of: auditEventID, in: db) {
                let bytes = try evidence.pending(block: location.block) ?? recentBlock.text(of: location.block, in: EvidenceStore(connection: db))
                // A range that is not whole records matches no event: the event is stored again.
                return EvidenceFormat.slice(bytes, offset: location.offset, length: location.length)
            }
            return try EvidenceStore(connection: db).records(auditEventID: auditEventID)
        } catch StoreError.damagedEvidence, StoreError.missingEvidence {
            // Damaged evidence matches no event: the event read again replaces it, records and all.
            return []
        }
    }

    /// What a stored event was counted as: its denials' kinds, its recorded events' kinds and
    /// whether it held a VIRT_ record; and whether this writer stored it (an earlier run's event
    /// is not in this run's summary). Read before it is replaced, so the summary counts it once.
    public func storedKinds(auditEventID: Int64) throws -> (denials: [String], events: [String], virt: Bool, ours: Bool) {
        try wrapped {
            let id: [SQLValue] = [.integer(auditEventID)]
            let denials = try db.rows("""
                SELECT r.kind FROM audit_events a JOIN denial_runs r ON r.id = a.run_id WHERE a.id = ?
                """, id).compactMap { $0.first?.string }
            let events = try db.rows("SELECT kind FROM events WHERE audit_event_id = ?", id).compactMap { $0.first?.string }
            let virt = try storedRecords(auditEventID: auditEventID).contains { $0.type.hasPrefix("VIRT_") }
            return (denials, events, virt, auditEventID > storedBefore)
        }
    }

    /// Removes a stored event and everything found in it.
    /// - Returns: how many problems found in its records went with it (they are found again,
    ///   and counted again, when its replacement is judged).
    @discardableResult
    public func delete(auditEventID: Int64) throws -> Int {
        try wrapped {
            var problemsRemoved = 0
            // What is gathered in memory may count this very event: write it first.
            try totals.flush()
            try runs.flush()
            let id: [SQLValue] = [.integer(auditEventID)]
            // Take the event back out of the running totals; its replacement adds it again.
            try db.run("""
                UPDATE daily_totals SET count = count - 1 WHERE (day, node, kind) IN (
                    SELECT time_ms / 86400000, node, kind FROM denials WHERE audit_event_id = ?)
                """, id)
            try db.run("""
                UPDATE pair_totals SET count = count - 1 WHERE (source_key, target_key) IN (
                    SELECT source_key, target_key FROM denials WHERE audit_event_id = ?
                    AND kind IN ('cross-guest', 'unknown-source', 'unknown-target'))
                """, id)
            try db.run("DELETE FROM pair_totals WHERE count <= 0", [])
            try db.run("UPDATE node_activity SET events = events - 1 WHERE node = (SELECT node FROM audit_events WHERE id = ?)", id)
            let run = try db.rows("SELECT run_id FROM audit_events WHERE id = ?", id).first?.first ?? .null
            try db.run("UPDATE denial_runs SET count = count - 1 WHERE id = ?", [run])
            try db.run("DELETE FROM run_parties WHERE run_id = ?1 AND (SELECT count FROM denial_runs WHERE id = ?1) <= 0", [run])
            try db.run("DELETE FROM denial_runs WHERE count <= 0 AND id = ?", [run])
            // Its run, open in memory, counts one less (and goes once empty).
            if let id = run.int64 { runs.removedEvent(ofRun: id) }
            // What was found wrong in it goes with it: its replacement is judged whole, and finds
            // again what is still wrong. A problem of a record cut by the end of the input (the
            // second AVC of an event, stored for its first) stayed for good.
            // Each record's problems are under its own source (a joined event's come from two).
            let records = try storedRecords(auditEventID: auditEventID)
            if !records.isEmpty, let source = try db.rows("SELECT source_id FROM audit_events WHERE id = ?", id).first?.first?.int64 {
                let bySource = Dictionary(grouping: records.filter { $0.line != nil }, by: { $0.sourceID ?? source })
                for (own, records) in bySource {
                    try db.run("DELETE FROM parse_errors WHERE source_id = ? AND stage = 'decoder' AND line IN (SELECT value FROM json_each(?))",
                               [.integer(own), .text("[" + records.compactMap(\.line).map(String.init).joined(separator: ",") + "]")])
                    problemsRemoved += db.changes
                }
            }
            // A replaced event's records stay in their block, which no longer counts it.
            if let location = try EvidenceStore.location(of: auditEventID, in: db) { evidence.release(block: location.block) }
            try db.run("UPDATE evidence_blocks SET events = events - 1 WHERE id = (SELECT block_id FROM audit_events WHERE id = ?)", id)
            for table in ["events", "guest_resources", "raw_records"] {
                try db.run("DELETE FROM \(table) WHERE audit_event_id = ?", id)
            }
            try db.run("DELETE FROM audit_events WHERE id = ?", id)
            // A run that keeps events spans them only: a run left with one event is shown from
            // its own row (its first time and serial), which must not be the event just removed.
            try db.run("""
                UPDATE denial_runs SET \(DenialRuns.firstOfItsEvents()), \(DenialRuns.lastOfItsEvents())
                WHERE id = ? AND \(DenialRuns.hasEvents)
                """, [run])
            return problemsRemoved
        }
    }

    /// Stores one correlated event: its identity and raw records, then each finding.
    /// - Parameter repeatOf: the same value for events the caller knows to have the same findings
    ///   but for their identity (a flood correlated once): their run's facts are worked out once.
    /// - Parameter recordSources: per record of the event, the source it was read from, for an
    ///   event joined from pieces of different sources (nil: all of `sourceID`).
    public func store(_ correlated: CorrelatedEvent, sourceID: Int64?, occurrence: Int64 = 0, repeatOf: Int? = nil,
                      recordSources: [Int64]? = nil) throws {
        try wrapped {
            let stored = correlated.findings.contains { if case .issue = $0 { return false } else { return true } }
            var auditEventID: Int64?
            if stored {
                let event = correlated.event
                var run: SQLValue = .null
                for case .denial(let denial) in correlated.findings {
                    run = .integer(try self.run(of: denial, repeatOf: repeatOf))
                    break
                }
                let location = try evidence.append(event.records, sources: recordSources.map { sources in
                    sources.map { $0 == sourceID ? nil : $0 }
                })
                // The row goes in on the connection's write thread while the caller correlates the
                // next events; its id is chosen here (the write lock is held: nobody else inserts).
                let id = try newEventIDs.take()
                db.runDeferred(insertEvent, [.integer(id), .text(event.id.node ?? ""), .integer(event.id.timeMilliseconds),
                                             .integer(event.id.serial), .integer(occurrence), sourceID.sql,
                                             .integer(Int64(event.firstLine)), run, .integer(location.block),
                                             .integer(location.offset), .integer(location.length)])
                auditEventID = id
                noteStored(event.id)
                totals.addEvent(node: event.id.node ?? "", time: event.id.timeMilliseconds)
            }
            // A cut last record that left no event stored is judged again when the next run reads
            // the line whole (its problems are forgotten then, and found again if they are real).
            // A stored event is not judged again (already stored): its problems must stay.
            let judgedAgain = correlated.event.endsUnterminated && !stored
            for finding in correlated.findings {
                // A problem of a joined event's record is the file's it was read from, at its line
                // there: it was kept under the first piece's source with the second file's name.
                if let recordSources, case .issue(var issue) = finding {
                    let records = correlated.event.records
                    if let index = records.indices.first(where: { records[$0].line == issue.line && records[$0].raw.hasPrefix(issue.text) }),
                       index < recordSources.count {
                        let own = recordSources[index]
                        if let path = try db.rows("SELECT last_path FROM sources WHERE id = ?", [.integer(own)]).first?.first?.string {
                            issue.source = path
                        }
                        try store(issue: issue, sourceID: own, stage: judgedAgain ? "reader" : "decoder")
                        continue
                    }
                }
                try store(finding, auditEventID: auditEventID, sourceID: sourceID, issueStage: judgedAgain ? "reader" : "decoder")
            }
        }
    }

    /// Whether an event of this kind is already stored for this node at this time (a gap found
    /// again by a restart that stopped before storing anything newer).
    public func hasEvent(kind: String, node: String?, timeMilliseconds: Int64?) throws -> Bool {
        try wrapped {
            !(try db.rows("SELECT 1 FROM events WHERE kind = ? AND node = ? AND time_ms IS ? LIMIT 1",
                          [.text(kind), .text(node ?? ""), timeMilliseconds.sql]).isEmpty)
        }
    }

    /// Findings without an audit event of their own (status XML bootstrap).
    public func store(findings: [Finding], sourceID: Int64?) throws {
        try wrapped {
            for finding in findings { try store(finding, auditEventID: nil, sourceID: sourceID) }
        }
    }

    /// Kept in full up to `ParseErrorLimit.keptPerSourceAndReason` per source and reason, then
    /// only counted.
    /// - Parameter stage: `reader` for lines and records the reader rejected, which a resumed run
    ///   reports again; `decoder` for fields of a stored event, which it does not.
    public func store(issue: ParseIssue, sourceID: Int64?, stage: String = "reader") throws {
        try wrapped {
            try insertIssue.run([sourceID.sql, .text(issue.source), .integer(Int64(issue.line)),
                                 issue.byteOffset >= 0 ? .integer(issue.byteOffset) : .null,
                                 .text(issue.reason), .text(issue.text), .text(stage)])
        }
    }

    /// - Parameter issueStage: `reader` for an event not stored whose last line was still being
    ///   written: a resumed run reads it again and judges it anew (`forgetParseErrors`); a
    ///   problem found in a cut record stayed for good, though the next run stored the event whole.
    private func store(_ finding: Finding, auditEventID: Int64?, sourceID: Int64?, issueStage: String = "decoder") throws {
        switch finding {
        case .lease(let lease):
            try store(lease: lease)
        case .denial:
            // Stored with its event: the event's row names its run.
            break
        case .event(let event):
            // Deferred, as leases are (see store(lease:)).
            db.runDeferred(insertRecordedEvent, [
                auditEventID.sql, .text(event.node ?? ""), event.timeMilliseconds.sql, event.id.map { .integer($0.serial) } ?? .null,
                .text(event.kind.rawValue), event.vm.sql, event.uuid.sql, event.label.sql, .text(JSONText.object(event.detail.map { ($0.0, $0.1.output) })),
            ])
        case .resource(let resource):
            guard let auditEventID else { return }
            db.runDeferred(insertResource, [
                .integer(auditEventID), .text(resource.node ?? ""), .integer(resource.id.timeMilliseconds),
                resource.uuid.sql, resource.vm.sql, resource.leaseID.sql, .text(resource.resource), resource.reason.sql,
                resource.oldValue.sql, resource.newValue.sql, .integer(resource.success ? 1 : 0),
            ])
        case .issue(let issue):
            try store(issue: issue, sourceID: sourceID, stage: issueStage)
        case .coverage(let mark):
            try store(coverage: mark)
        }
    }

    /// Folds the denial into its run (inserting the run when none is open) and counts it in the
    /// running totals.
    private func run(of denial: Denial, repeatOf: Int?) throws -> Int64 {
        let time = denial.id.timeMilliseconds
        let minute = DenialRunFolder.minute(time)
        let plan: RunPlan
        if let repeatOf, let known = repeatPlans[repeatOf] {
            plan = known
            plan.facts.minute = minute
        } else {
            plan = RunPlan(denial, minute: minute)
            if let repeatOf {
                if repeatPlans.count >= 4_096 { repeatPlans.removeAll(keepingCapacity: true) }
                repeatPlans[repeatOf] = plan
            }
        }
        let id = try runs.run(plan.facts, time: time, serial: denial.id.serial) {
            let f = plan.facts
            return [
                .text(f.node), .text(f.kind), f.boolean.sql, .text(f.seresult),
                .integer(try strings.id(f.scontext)), .integer(try strings.id(f.tcontext)),
                try strings.value(denial.source.type), try strings.value(denial.target.type),
                try strings.value(denial.source.level.map { "\($0)" }), try strings.value(denial.target.level.map { "\($0)" }),
                .text(f.tclass), .text(f.perms.joined(separator: " ")), f.permissive.sql,
                f.pid.sql, try strings.value(f.comm), try strings.value(f.exe), f.syscall.sql,
                f.success.sql, f.exit.sql, f.uid.sql, f.auid.sql, f.auidName.sql, try strings.value(f.cwd),
                try strings.value(f.path), try strings.value(f.proctitle), .integer(Int64(f.avcCount)),
            ] + (try side(plan.sourceSide)) + (try side(plan.targetSide)) + [f.reason.sql]
        }
        totals.addDenial(day: Self.day(time), node: plan.facts.node, kind: plan.facts.kind, time: time)
        if let pair = plan.pair {
            totals.addPair(pair, sourceVM: plan.sourceSide.vm.sql, targetVM: plan.targetSide.vm.sql,
                           kind: plan.facts.kind, perms: plan.facts.perms, tclass: plan.facts.tclass, node: plan.pairNode,
                           permissive: plan.permissive, path: plan.facts.path, time: time, repeatOf: repeatOf)
        }
        return id
    }

    /// One side of a new run: the candidates' count, the first by name and its uuid, and the
    /// report key, the texts interned.
    private func side(_ side: SideKey) throws -> [SQLValue] {
        [.integer(Int64(side.count)), try strings.value(side.vm), try strings.value(side.uuid), try strings.value(side.key)]
    }

    /// The kinds the cross-guest report counts in `pair_totals`.
    static let pairKinds = Set(RunningTotals.pairKinds)

    /// Days since the epoch, UTC.
    static func day(_ milliseconds: Int64) -> Int64 {
        milliseconds.flooredDivision(by: 86_400_000)
    }

    // MARK: sources

    /// The stored source this stream continues, or a new one.
    public func source(for identity: SourceIdentity, path: String) throws -> SourceCheckpoint {
        try wrapped {
            if let known = try storedSource(for: identity) {
                // Found by a shorter piece of its first line: from now on, by what it holds now.
                try db.run("""
                    UPDATE sources SET first_line_hash = ?1 WHERE id = ?2 AND substr(first_line_hash, 1, 1) = 'p'
                    """, [.text(identity.firstLineHash), .integer(known.id)])
                return known
            }
            try db.run("""
                INSERT INTO sources(first_line_hash, prefix_hash, prefix_length, last_path, byte_offset, line)
                VALUES (?,?,?,?,0,0)
                """, [.text(identity.firstLineHash), .text(identity.prefixHash(length: 0)), .integer(0), .text(SourcePath.stored(path))])
            return SourceCheckpoint(id: db.lastInsertRowID, byteOffset: 0, line: 0)
        }
    }

    /// The stored source whose first bytes these are, if any; creates nothing.
    public func storedSource(for identity: SourceIdentity) throws -> SourceCheckpoint? {
        try wrapped {
            let rows = try db.rows("""
                SELECT id, prefix_hash, prefix_length, byte_offset, line FROM sources
                WHERE first_line_hash = ? ORDER BY byte_offset DESC
                """, [.text(identity.firstLineHash)])
            for row in rows {
                guard identity.startsWithReadPrefix(length: Int(row[2].int64 ?? 0), hash: row[1].string) else { continue }
                return SourceCheckpoint(id: row[0].int64 ?? 0, storedOffset: row[3].int64, storedLine: row[4].int64)
            }
            return try partialSource(for: identity)
        }
    }

    /// A source first read while its first line was half written, now that more of it (or all)
    /// is there: it is this file's source, so the next read resumes it (and forgets what the half
    /// line was judged to be) instead of starting a second source whose first line's problem
    /// stayed in parse_errors for good. A watch that began on the half line read on under it.
    private func partialSource(for identity: SourceIdentity) throws -> SourceCheckpoint? {
        let rows = try db.rows("""
            SELECT id, first_line_hash, byte_offset, line, prefix_hash, prefix_length FROM sources
            WHERE substr(first_line_hash, 1, 1) = 'p' ORDER BY id DESC LIMIT 64
            """)
        for row in rows {
            guard let id = row[0].int64, let stored = row[1].string, identity.continuesPartialFirstLine(stored) else { continue }
            guard identity.startsWithReadPrefix(length: Int(row[5].int64 ?? 0), hash: row[4].string) else { continue }
            return SourceCheckpoint(id: id, storedOffset: row[2].int64, storedLine: row[3].int64)
        }
        return nil
    }

    /// The source a followed path was last read as: where `watch` stood when it stopped. A source
    /// last read as one of the path's rotated copies (`PATH.1`, by an ingest beside watch or a
    /// catch-up cut short) counts too: it may be the very file watch was reading.
    public func lastSource(path: String) throws -> StoredSource? {
        try sources(underPath: path, limit: 1000).first
    }

    /// The sources last read as the path or one of its rotated copies (`PATH.N`), newest first.
    /// The path as stored now (absolute) and as given: a store written before paths were stored
    /// absolute holds a relative watch's names as it was given them.
    public func sources(underPath path: String, limit: Int) throws -> [StoredSource] {
        try wrapped {
            let spellings = Array(Set([SourcePath.stored(path), path]))
            var rows: [[SQLValue]] = []
            for spelling in spellings {
                rows += try db.rows("""
                    SELECT id, byte_offset, line, updated_ms, last_path FROM sources
                    WHERE last_path = ?1 OR substr(last_path, 1, length(?1) + 1) = ?1 || '.'
                    ORDER BY id DESC LIMIT ?2
                    """, [.text(spelling), .integer(Int64(limit))]).filter { row in
                    guard let stored = row[4].string else { return false }
                    if stored == spelling { return true }
                    let prefix = spelling + "."
                    let suffix = stored.dropFirst(prefix.count)
                    return stored.hasPrefix(prefix) && !suffix.isEmpty && suffix.allSatisfy(\.isASCIIDigit)
                }
            }
            rows.sort { ($0[0].int64 ?? 0) > ($1[0].int64 ?? 0) }
            return rows.prefix(limit).compactMap { row in
                guard let id = row[0].int64 else { return nil }
                return StoredSource(checkpoint: SourceCheckpoint(id: id, storedOffset: row[1].int64, storedLine: row[2].int64),
                                    lastEventMilliseconds: row[3].int64)
            }
        }
    }

    /// Forgets the parse errors of lines a resumed run reads again: those lines may have been
    /// incomplete then, and are judged anew.
    public func forgetParseErrors(sourceID: Int64, after line: Int) throws {
        try wrapped {
            try db.run("DELETE FROM parse_errors WHERE source_id = ? AND line > ? AND stage = 'reader'",
                       [.integer(sourceID), .integer(Int64(line))])
        }
    }

    /// Records how far a source has been read. The prefix hash covers only bytes already read,
    /// so a file that grows later still matches. A checkpoint never moves back: a second writer
    /// reading the same source behind the first must not make a later run read it all again.
    public func saveCheckpoint(sourceID: Int64, identity: SourceIdentity, offset: Int64, line: Int, path: String,
                               eventTimeMilliseconds: Int64?) throws {
        let length = Int(min(Int64(identity.head.count), offset))
        try wrapped {
            try db.run("""
                UPDATE sources SET prefix_hash = ?, prefix_length = ?, byte_offset = ?, line = ?, last_path = ?,
                                   updated_ms = max(coalesce(?, updated_ms), coalesce(updated_ms, ?))
                WHERE id = ? AND byte_offset <= ?
                """, [.text(identity.prefixHash(length: length)), .integer(Int64(length)), .integer(offset),
                      .integer(Int64(line)), .text(SourcePath.stored(path)), eventTimeMilliseconds.sql, eventTimeMilliseconds.sql,
                      .integer(sourceID), .integer(offset)])
        }
    }

    /// Starts a source over from its first byte: it was found shorter than its checkpoint, so it
    /// is not the file read before (its stored events are still recognised by their IDs).
    public func resetCheckpoint(sourceID: Int64) throws {
        try wrapped {
            try db.run("UPDATE sources SET byte_offset = 0, line = 0, prefix_length = 0 WHERE id = ?", [.integer(sourceID)])
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
