import Foundation
import Native

/// Ships a spool's changed rows to the fleet store, a batch at a time, oldest change first.
///
/// A batch is read from the spool in one read transaction (a consistent state of every row in
/// it) and written to the fleet store in one transaction (deletes, then upserts of each row's
/// whole current state) that also moves spools.shipped_seq; entries at or below it are skipped
/// and cleared from the outbox later. A SIGKILL or a lost connection before that commit leaves
/// the batch to ship again, which writes the same states over themselves, so the fleet store
/// holds every row once.
public final class FleetShipper {
    public let spool: Int64
    public let node: String
    private let spoolPath: String
    private let local: SQLiteDatabase
    private let fleet: FleetDatabase
    private let reader: FleetSpoolReader
    private let readAhead: FleetBatchReadAhead
    private var monthsMade: Set<Int64> = []
    private var retryingMonths = false
    /// The last outbox entry the fleet store has (its spools.shipped_seq).
    private var shippedSeq: Int64 = 0
    /// The outbox holds nothing at or below this (a clean-up takes the spool's write lock, so
    /// it is tried only when there is something to clear).
    private var clearedSeq: Int64 = -1
    private let cleaner: FleetOutboxCleaner?
    /// The spool's token when it was opened: a spool written back elsewhere from the fleet store
    /// (fleet restore-spool) gets a new one, and this copy must not ship beside it.
    private var token = ""
    /// Per table, the highest local id of this spool's rows that the fleet store may hold: asked
    /// once per connection, raised by every batch that commits, forgotten after any failure.
    private var shippedCeiling: [String: Int64] = [:]
    /// Ceilings the open transaction raises, kept once it commits.
    private var raisedCeiling: [String: Int64] = [:]
    /// The open transaction inserted rows above a ceiling without a conflict clause.
    private var insertedAboveCeiling = false
    /// Set while a batch refused with a duplicate key is shipped again by upserts alone.
    private var retryingAsUpserts = false
    /// The last batch read was committed by this shipper: the batch read ahead after it follows
    /// on from what the fleet store holds (see FleetBatchReadAhead).
    private var committedLast = false

    /// Opens the spool a second time (beside its writer) and registers it with the fleet store
    /// on first use.
    /// - Parameters:
    ///   - node: the writer's node, given to rows of tables without a node of their own; `*` for
    ///     a central writer (whose role must hold every node).
    /// - Parameter cleaner: the in-process writer's, which clears shipped entries in its own
    ///   transactions; nil when no writer of this process stores into the spool (the shipper
    ///   then clears them itself, when the spool's lock is free).
    public init(spoolPath: String, fleet: FleetDatabase, node: String, host: String,
                busyTimeoutMilliseconds: Int32 = 10_000, cleaner: FleetOutboxCleaner? = nil) throws {
        self.fleet = fleet
        self.cleaner = cleaner
        self.spoolPath = spoolPath
        identifiesSession = fleet.connection.identifySession()
        let spoolColumns: [String: [String]]
        do {
            // Reads need no lock (WAL); the one write, clearing shipped entries, is tried briefly
            // and left for later when the spool's writer holds the lock.
            local = try SQLiteDatabase(path: spoolPath, mode: .readWrite, busyTimeoutMilliseconds: 50)
            var columns: [String: [String]] = [:]
            for table in FleetTable.all {
                columns[table.name] = try local.rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table.name)])
                    .compactMap { $0.first?.string }
            }
            spoolColumns = columns
        } catch {
            throw StoreError.wrap(error, path: spoolPath, timeout: busyTimeoutMilliseconds)
        }
        let known: FleetSpool.Identity?
        do { known = try FleetSpool.identity(local) } catch {
            throw StoreError.wrap(error, path: spoolPath, timeout: busyTimeoutMilliseconds)
        }
        if let known {
            // By bytes, as the store and its row-level security compare nodes.
            guard ExactText(known.node) == ExactText(node) else {
                throw StoreError.spoolOfAnotherNode(spool: spoolPath, made: known.node, given: node)
            }
            let found: [[SQLValue]]
            do {
                found = try fleet.connection.rows("SELECT node, shipped_seq, token::text FROM spools WHERE id = $1", [.integer(known.spool)])
            } catch let error as PostgresError {
                throw StoreError.postgres(database: fleet.name, error)
            }
            guard let row = found.first, ExactText(row[0].string ?? "") == ExactText(node), row[2].string == known.token else {
                // Row-level security hides the spool of a node the role was not granted: that is
                // the role's mistake, not a spool of another store (whose remedy, a new spool,
                // would leave this one's rows behind).
                if found.isEmpty, let granted = try? fleet.connection.rows(
                    "SELECT $1 = ANY (svirt_trace.my_nodes()) OR '*' = ANY (svirt_trace.my_nodes())", [.text(node)]).first?.first,
                   granted == .integer(0) {
                    throw StoreError.spoolNodeNotGranted(spool: spoolPath, number: known.spool, node: node, database: fleet.name,
                                                         hint: Self.registrationHint(node: node))
                }
                throw StoreError.spoolNotInFleet(spool: spoolPath, number: known.spool, database: fleet.name)
            }
            // Only the role that registered a spool writes its rows (the policies' my_spools):
            // another role (a reader, another writer of the node) is refused here, before a
            // prune deletes anything it could not ship.
            let mine = try? fleet.connection.rows("SELECT $1 = ANY (svirt_trace.my_spools())", [.integer(known.spool)]).first?.first
            guard mine == .integer(1) else {
                let maker = (try? fleet.connection.rows("SELECT made_by::text FROM spools WHERE id = $1", [.integer(known.spool)]))?
                    .first?.first?.string
                throw StoreError.spoolOfAnotherRole(spool: spoolPath, number: known.spool, maker: maker, database: fleet.name)
            }
            spool = known.spool
            token = known.token
            shippedSeq = row[1].int64 ?? 0
            // A spool restored from a backup, or a copy of it that shipped first: entries it
            // makes now would be taken for shipped ones and never sent.
            let last: Int64
            do { last = try FleetSpool.lastSeq(local) } catch {
                throw StoreError.wrap(error, path: spoolPath, timeout: busyTimeoutMilliseconds)
            }
            guard last >= shippedSeq else {
                throw StoreError.spoolBehindFleet(spool: spoolPath, number: known.spool, local: last, shipped: shippedSeq)
            }
        } else {
            let made: FleetSpool.Identity
            do {
                let row = try fleet.connection.rows("INSERT INTO spools(node, host) VALUES ($1, $2) RETURNING id, token::text",
                                                    [.text(node), .text(host)]).first
                made = FleetSpool.Identity(spool: row?[0].int64 ?? 0, node: node, token: row?[1].string ?? "")
            } catch var error as PostgresError {
                if error.isPermissionDenied { error.hint = Self.registrationHint(node: node) }
                throw StoreError.postgres(database: fleet.name, error)
            }
            do {
                spool = try Self.remember(made, in: local, waitingMilliseconds: busyTimeoutMilliseconds)
                token = try FleetSpool.identity(local)?.token ?? made.token
            } catch {
                throw StoreError.wrap(error, path: spoolPath, timeout: busyTimeoutMilliseconds)
            }
        }
        self.node = node
        do {
            reader = try FleetSpoolReader(spoolPath: spoolPath, spool: spool, node: node, columns: spoolColumns)
            // The path was opened again: it must still be the spool whose identity was checked.
            guard let seen = try reader.identity(), seen.spool == spool, ExactText(seen.node) == ExactText(node), seen.token == token else {
                throw StoreError.spoolReplaced(spool: spoolPath)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, path: spoolPath, timeout: busyTimeoutMilliseconds)
        }
        readAhead = FleetBatchReadAhead(reader: reader)
    }

    /// Writes the spool's number into it, unless another writer of the spool registered it
    /// meanwhile (its number stands). Waits for the spool's writer in short polls: this
    /// connection's own busy timeout is kept short for the outbox clean-up.
    private static func remember(_ made: FleetSpool.Identity, in local: SQLiteDatabase, waitingMilliseconds: Int32) throws -> Int64 {
        let deadline = Date().addingTimeInterval(Double(max(1, waitingMilliseconds)) / 1000)
        while true {
            do {
                try local.execute("BEGIN IMMEDIATE")
            } catch let error as SQLiteError where error.isBusy && Date() < deadline {
                continue
            }
            do {
                if let other = try FleetSpool.identity(local) {
                    try local.execute("COMMIT")
                    return other.spool
                }
                try FleetSpool.remember(made, in: local)
                try local.execute("COMMIT")
                return made.spool
            } catch {
                try? local.execute("ROLLBACK")
                throw error
            }
        }
    }

    static func registrationHint(node: String) -> String {
        node == "*"
            ? "a writer without --node registers its spool for every node (*): give --node, or use a role of `fleet grant-writer --all-nodes`"
            : "this role may not write node '\(node)': `svirt-trace fleet grant-writer ROLE --node \(node)`, or give the --node it was granted"
    }

    /// False when the fleet store does not show this shipper its own session (see
    /// PostgresConnection.identifySession): a batch given up over a network gone silent is then
    /// left to the server's keepalive.
    public let identifiesSession: Bool

    /// The fleet store's session this shipper gave up on in the middle of a statement, if any
    /// (see PostgresConnection.abandonedSession): the next shipper ends it with `end(_:)`.
    public var abandonedSession: PostgresConnection.ServerSession? { fleet.connection.abandonedSession }

    /// Ends sessions earlier shippers gave up on, which may still hold this spool's row locked
    /// (over a network that went silent, until the server notices). Returns how many were ended,
    /// and those it could not ask about (the statement failed), to be tried again later.
    @discardableResult
    public func end(_ sessions: [PostgresConnection.ServerSession]) -> (ended: Int, unasked: [PostgresConnection.ServerSession]) {
        var ended = 0
        var unasked: [PostgresConnection.ServerSession] = []
        for session in sessions {
            do {
                if try fleet.connection.terminate(session) { ended += 1 }
            } catch {
                unasked.append(session)
            }
        }
        return (ended, unasked)
    }

    /// Ships up to `limit` changed rows; returns how many were shipped (0: nothing was waiting).
    @discardableResult
    public func shipBatch(limit: Int = 20_000) throws -> Int {
        let batch = try readAhead.take(after: shippedSeq, limit: limit, usable: committedLast)
        committedLast = false
        guard !batch.entries.isEmpty else {
            clearShipped()
            return 0
        }
        // Read on while the fleet store works on this one: used if it commits.
        readAhead.start(after: batch.lastSeq, limit: limit)
        raisedCeiling.removeAll()
        insertedAboveCeiling = false
        do {
            try makeMonths(for: batch)
            let applied = try fleet.connection.transaction { () -> Bool in
                // Another shipper of this spool moved on meanwhile: this batch is not applied (it
                // could put an older state over a newer one); the next read starts after it.
                // Gone: the owner forgot the spool (fleet forget-spool). Its rows must not come back.
                guard let registered = try fleet.connection.rows("SELECT shipped_seq, token::text FROM spools WHERE id = $1 FOR UPDATE",
                                                                 [.integer(spool)]).first,
                      let current = registered[0].int64 else {
                    throw StoreError.spoolNotInFleet(spool: spoolPath, number: spool, database: fleet.name)
                }
                guard registered[1].string == token else {
                    throw StoreError.spoolRestoredElsewhere(spool: spoolPath, number: spool, database: fleet.name)
                }
                guard current == shippedSeq else {
                    shippedSeq = max(shippedSeq, current)
                    shippedCeiling.removeAll()
                    return false
                }
                try deleteGone(batch)
                for table in FleetTable.all {
                    guard let rows = batch.rows[table.name], !rows.isEmpty else { continue }
                    try upsert(table, rows: rows)
                }
                try fleet.connection.run("UPDATE spools SET shipped_seq = $1, shipped_at = now() WHERE id = $2",
                                         [.integer(batch.lastSeq), .integer(spool)])
                return true
            }
            guard applied else { return try shipBatch(limit: limit) }
            shippedCeiling.merge(raisedCeiling) { max($0, $1) }
        } catch let error as PostgresError {
            shippedCeiling.removeAll()
            // A row above a ceiling was in the fleet store after all, which the ceiling rules out
            // unless something this shipper cannot see wrote the spool's rows: rather than trust
            // that, the batch goes again by upserts alone, which put it over that row. A
            // duplicate that is not the key's (one node's events fed by two writers) is refused
            // again, as it must be.
            if error.sqlState == "23505", insertedAboveCeiling, !retryingAsUpserts {
                retryingAsUpserts = true
                defer { retryingAsUpserts = false }
                return try shipBatch(limit: limit)
            }
            if error.isUniqueViolation {
                throw StoreError.eventsOfAnotherSpool(spool: spoolPath, number: spool, database: fleet.name, error)
            }
            if error.sqlState == "42501", let ungranted = try? nodesNotGranted(in: batch), !ungranted.nodes.isEmpty {
                throw StoreError.batchNodesNotGranted(spool: spoolPath, database: fleet.name, nodes: ungranted.nodes,
                                                      granted: ungranted.granted)
            }
            // No partition for a row: its month was made, then dropped as empty by a retention
            // pass in between (drop_empty_months). Made again, once.
            if error.sqlState == "23514", error.message.contains("no partition"), !retryingMonths {
                monthsMade.removeAll()
                retryingMonths = true
                defer { retryingMonths = false }
                return try shipBatch(limit: limit)
            }
            throw StoreError.postgres(database: fleet.name, error)
        } catch {
            shippedCeiling.removeAll()
            throw error
        }
        shippedSeq = batch.lastSeq
        committedLast = true
        clearShipped()
        return batch.entries.count
    }

    /// The nodes of a batch's rows that this role was not granted, and those it was: what a
    /// refusal by the row policies means, in the operator's words.
    private func nodesNotGranted(in batch: FleetSpoolReader.Batch) throws -> (nodes: [String], granted: [String]) {
        let granted = try fleet.connection.rows("SELECT unnest(svirt_trace.my_nodes()::text[]) ORDER BY 1").compactMap { $0.first?.string }
        guard !granted.contains("*") else { return ([], granted) }
        var nodes = Set<ExactText>()
        for table in FleetTable.all {
            guard let rows = batch.rows[table.name], let index = reader.fleetColumns(table).firstIndex(of: "node") else { continue }
            for row in rows { if let node = row[index].string { nodes.insert(ExactText(node)) } }
        }
        let grantedSet = Set(granted.map(ExactText.init))
        return (nodes.subtracting(grantedSet).map(\.text).sorted(), granted)
    }

    /// Removes shipped entries from the outbox when the spool's lock is free at once; entries
    /// left are skipped by the next read (they are at or below shipped_seq) and removed later.
    private func clearShipped() {
        if let cleaner {
            cleaner.shipped(through: shippedSeq)
            return
        }
        guard shippedSeq > clearedSeq else { return }
        do {
            try FleetSpool.clearShipped(through: shippedSeq, in: local)
            clearedSeq = shippedSeq
        } catch {
            // The spool's writer holds the lock: left for a later call.
        }
    }

    /// Ships until the outbox is empty; returns the rows shipped.
    @discardableResult
    public func shipAll(limit: Int = 20_000) throws -> Int {
        var total = 0
        while true {
            let shipped = try shipBatch(limit: limit)
            if shipped == 0 { return total }
            total += shipped
        }
    }

    // MARK: Writing the fleet store

    private func makeMonths(for batch: FleetSpoolReader.Batch) throws {
        var months: Set<Int64> = []
        for table in FleetTable.all {
            guard let column = table.month, let rows = batch.rows[table.name],
                  let index = reader.fleetColumns(table).firstIndex(of: column) else { continue }
            for row in rows {
                guard let ms = row[index].int64, ms >= 946_684_800_000 else { continue }
                months.insert(Self.monthStart(ms))
            }
        }
        for month in months.subtracting(monthsMade).sorted() {
            _ = try fleet.connection.rows("SELECT svirt_trace.ensure_month($1)", [.integer(month)])
            monthsMade.insert(month)
        }
    }

    /// The first millisecond of the UTC month holding `ms`.
    static func monthStart(_ ms: Int64) -> Int64 {
        var seconds = time_t(ms.flooredDivision(by: 1000))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        parts.tm_mday = 1
        parts.tm_hour = 0
        parts.tm_min = 0
        parts.tm_sec = 0
        return Int64(timegm(&parts)) * 1000
    }

    private func deleteGone(_ batch: FleetSpoolReader.Batch) throws {
        // A pruned spool deletes rows by the hundred thousand: a table's rows go in one statement
        // per 10,000 (arrays of their keys), not one statement each.
        var gone: [String: [Int64]] = [:]
        var goneKeys: [String: (columns: [String], rows: [[SQLValue]])] = [:]
        for entry in batch.entries where entry.deleted {
            guard let table = FleetTable.byName[entry.table] else { continue }
            if table.isRowID {
                if case .integer(let id) = reader.fleetID(entry.key) { gone[table.name, default: []].append(id) }
                continue
            }
            let parts = entry.parts
            guard parts.count == table.key.count else { continue }
            var columns: [String] = []
            var values: [SQLValue] = []
            for column in table.fleetKey {
                if column == "spool" {
                    values.append(.integer(spool))
                } else if let index = table.key.firstIndex(of: column) {
                    values.append(table.ids.contains(column) ? reader.fleetID(parts[index]) : FleetSpoolReader.storable(parts[index]))
                } else if column == "node" {
                    values.append(.text(node))
                } else {
                    continue
                }
                columns.append(column)
            }
            goneKeys[table.name, default: (columns, [])].rows.append(values)
        }
        var statements: [(sql: String, values: [SQLValue])] = []
        for table in FleetTable.all {
            if let ids = gone[table.name] {
                for start in stride(from: 0, to: ids.count, by: 10_000) {
                    let array = "{" + ids[start..<min(ids.count, start + 10_000)].map(String.init).joined(separator: ",") + "}"
                    statements.append(("DELETE FROM \(table.name) WHERE id = ANY ($1::bigint[])", [.text(array)]))
                }
            }
            if let keys = goneKeys[table.name] {
                for start in stride(from: 0, to: keys.rows.count, by: 10_000) {
                    statements += Self.deletions(from: table.name, columns: keys.columns,
                                                 rows: keys.rows[start..<min(keys.rows.count, start + 10_000)])
                }
            }
        }
        if !statements.isEmpty { try fleet.connection.pipeline(statements) }
    }

    /// One statement deleting the rows of these keys (a column of integers or of text each, sent
    /// as arrays); a statement per row when a column mixes types (a key SQLite stored as ANY).
    static func deletions(from table: String, columns: [String], rows: ArraySlice<[SQLValue]>) -> [(sql: String, values: [SQLValue])] {
        var arrays: [SQLValue] = []
        var types: [String] = []
        for index in columns.indices {
            let values = rows.map { $0[index] }
            if values.allSatisfy({ if case .integer = $0 { true } else { false } }) {
                types.append("bigint")
                arrays.append(.text("{" + values.compactMap(\.int64).map(String.init).joined(separator: ",") + "}"))
            } else if values.allSatisfy({ if case .text = $0 { true } else { false } }) {
                types.append("text")
                arrays.append(.text("{" + values.compactMap(\.string).map(arrayElement).joined(separator: ",") + "}"))
            } else {
                return rows.map { row in
                    ("DELETE FROM \(table) WHERE " + columns.enumerated().map { "\($0.element) = $\($0.offset + 1)" }.joined(separator: " AND "), row)
                }
            }
        }
        let names = columns.indices.map { "k\($0)" }
        let unnest = columns.indices.map { "$\($0 + 1)::\(types[$0])[]" }.joined(separator: ", ")
        let match = columns.indices.map { "t.\(columns[$0]) = g.\(names[$0])" }.joined(separator: " AND ")
        return [("DELETE FROM \(table) t USING unnest(\(unnest)) AS g(\(names.joined(separator: ", "))) WHERE \(match)", arrays)]
    }

    /// A text element of an array literal: quoted, with its quotes and backslashes escaped.
    static func arrayElement(_ text: String) -> String {
        var quoted = "\""
        for character in text.unicodeScalars {
            if character == "\"" || character == "\\" { quoted.unicodeScalars.append("\\") }
            quoted.unicodeScalars.append(character)
        }
        return quoted + "\""
    }

    /// Drops the fleet store's monthly partitions that end before `cutoff` and hold no row of any
    /// node (schema/postgresql/004); returns how many months went. Called once this spool's
    /// pruning is shipped: another host that keeps a longer history keeps its months.
    public func dropEmptyMonths(before cutoff: Int64) throws -> Int {
        do {
            return try fleet.connection.transaction {
                Int(try fleet.connection.rows("SELECT drop_empty_months($1)", [.integer(cutoff)]).first?.first?.int64 ?? 0)
            }
        } catch let error as PostgresError {
            throw StoreError.postgres(database: fleet.name, error)
        }
    }

    /// This spool's fleet id of local id 0: its ids are this plus the local ones.
    private var idBase: Int64 { FleetTable.fleetID(spool: spool, local: 0) }

    /// The highest local id among this spool's rows of `table` in the fleet store (0: none), by
    /// one probe of an index led by id; nil where no such index answers it (a key led by node
    /// when a central writer's rows hold several nodes), and while a batch is shipped again.
    private func ceiling(of table: FleetTable) throws -> Int64? {
        if let known = shippedCeiling[table.name] { return known }
        let byNode = table.fleetKey == ["node", "id"] && node != "*"
        guard table.isRowID, table.indexedByID || byNode, !retryingAsUpserts else { return nil }
        let found = try fleet.connection.rows("SELECT max(id) FROM \(table.name) WHERE id >= $1 AND id < $2"
                                              + (table.indexedByID ? "" : " AND node = $3"),
                                              [.integer(idBase), .integer(FleetTable.fleetID(spool: spool + 1, local: 0))]
                                                  + (table.indexedByID ? [] : [.text(node)]))
        let held = found.first?.first?.int64.map { $0 - idBase } ?? 0
        shippedCeiling[table.name] = held
        return held
    }

    private func upsert(_ table: FleetTable, rows: [[SQLValue]]) throws {
        let names = reader.fleetColumns(table)
        let updates = names.filter { !table.fleetKey.contains($0) }.map { "\($0) = EXCLUDED.\($0)" }
        let conflict = "ON CONFLICT (\(table.fleetKey.joined(separator: ", "))) "
            + (updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", "))
        // A row whose month column changed (a run's first time moved earlier by a late event)
        // is another row to the upsert, whose key holds that column: the old one goes first.
        // So is a row of another node under an id SQLite gave again (the rows holding the
        // highest ids were deleted, by a prune, and the change log names the key only, which is
        // there again): a central writer's spool holds several nodes.
        var changed: [String] = []
        if let month = table.month { changed.append("t.\(month) <> s.\(month)") }
        if table.isRowID, table.fleetKey.contains("node"), node == "*" { changed.append("t.node <> s.node") }
        let moved: ((String) -> String)? = changed.isEmpty ? nil : { staging in
            "DELETE FROM \(table.name) t USING \(staging) s WHERE t.id = s.id AND (\(changed.joined(separator: " OR ")))"
        }
        guard let (column, held) = try ceilingColumn(of: table), let idIndex = names.firstIndex(of: column) else {
            try fleet.connection.copyInTransaction(into: table.name, columns: names, rows: rows, conflict: conflict, beforeMove: moved)
            return
        }
        // Rows above the ceiling were never shipped, so nothing in the fleet store is in their
        // way: they go in by a plain INSERT, which spares PostgreSQL an upsert's speculative
        // insertion (about a quarter of the cost of a new row, most rows of a batch).
        let threshold = idBase + held
        let ids = rows.map { $0[idIndex].int64 ?? .min }
        let highest = ids.max() ?? .min
        let staging = try fleet.connection.stageInTransaction(for: table.name, columns: names, rows: rows)
        let list = names.joined(separator: ", ")
        if ids.contains(where: { $0 <= threshold }) {
            let shipped = "(SELECT * FROM \(staging) WHERE \(column) <= \(threshold))"
            if let moved { try fleet.connection.execute(moved(shipped)) }
            try fleet.connection.run("INSERT INTO \(table.name) (\(list)) SELECT \(list) FROM \(shipped) s " + conflict)
        }
        if highest > threshold {
            // Set before the insert: its own duplicate key is the one the retry by upserts is for.
            insertedAboveCeiling = true
            try fleet.connection.run("INSERT INTO \(table.name) (\(list)) SELECT \(list) FROM \(staging) WHERE \(column) > \(threshold)")
            if column == "id" { raisedCeiling[table.name] = highest - idBase }
        }
    }

    /// The column whose values above the returned ceiling were never shipped: a rowid table's
    /// id, or the id of the row a table's rows belong to (`FleetTable.ownerKey`: a run's
    /// parties are stored after their run, so parties of a run the fleet store never had are
    /// new too). The owner's ceiling is the one from before this batch, as the batch's own
    /// rows of the owner are no proof about what was shipped of the rows under them. A party
    /// shipped ahead of its run after all (stored before it) meets its copy as a duplicate key,
    /// and the batch goes again by upserts alone.
    private func ceilingColumn(of table: FleetTable) throws -> (column: String, held: Int64)? {
        if table.isRowID { return try ceiling(of: table).map { ("id", $0) } }
        guard let owner = table.ownerKey, let ownerTable = FleetTable.byName[owner.table],
              let held = try ceiling(of: ownerTable) else { return nil }
        return (owner.column, held)
    }
}
