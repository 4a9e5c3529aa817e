import Foundation
import Native

/// The SQLite store a fleet writer stores into before its rows are shipped to PostgreSQL: an
/// ordinary store (the same code and schema write it), plus an outbox that its triggers fill in
/// the writer's own transactions with the key of every row inserted, changed or deleted. What
/// is in the outbox is what the fleet store has not been sent yet; nothing the writer commits
/// can miss it, and a SIGKILL loses nothing: the outbox is committed with the rows.
public enum FleetSpool {
    /// The change log: one entry per row inserted, changed or deleted, appended in the writer's
    /// own transaction. Appended only: a note costs one insert at the end of one B-tree (an
    /// outbox keeping one entry per key, deleted and inserted again at each change, made
    /// storing into a spool take twice as long as into a store). A key changed several times
    /// has several entries; the shipper sends the row's state when it reads them (or its
    /// deletion when it is gone), so repeats only send the same state again.
    ///
    /// `seq` only grows: SQLite gives a new entry the highest seq in the table plus one, and
    /// the clean-up of shipped entries never deletes the highest (`clearShipped`). Not by
    /// AUTOINCREMENT, whose record in sqlite_sequence was read and written again for every
    /// entry: about 0.2 core-seconds of the writer's on the denial-dense log's 356,000 entries.
    /// A spool made by an earlier svirt-trace keeps its AUTOINCREMENT log, which works the same.
    static let outbox = """
        CREATE TABLE IF NOT EXISTS fleet_changes (
            seq INTEGER PRIMARY KEY,
            tbl TEXT    NOT NULL,
            key ANY     NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS fleet_spool (
            name  TEXT PRIMARY KEY,
            value ANY  NOT NULL
        ) STRICT, WITHOUT ROWID;
        -- An evidence block is shipped with the earliest time of its events (its month).
        CREATE INDEX IF NOT EXISTS fleet_audit_events_by_block ON audit_events (block_id);
        """

    /// Opens (making it when missing) the spool of a writer for `tag` (its node, or `*`), with
    /// its outbox and the cleaner its writer clears shipped entries with.
    public static func open(path: String, tag: String, busyTimeoutMilliseconds: Int32) throws -> Database {
        let existed = FileManager.default.fileExists(atPath: path)
        let db = try Database(path: path, access: .readWrite, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        do {
            // A store that is not a spool has rows no outbox noted: they would never be shipped.
            if existed, try !isSpool(db.connection), try holdsRows(db.connection) {
                throw StoreError.notASpool(path: path)
            }
            if let identity = try identity(db.connection), ExactText(identity.node) != ExactText(tag) {
                throw StoreError.spoolOfAnotherNode(spool: path, made: identity.node, given: tag)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, path: path, timeout: busyTimeoutMilliseconds)
        }
        try prepare(db, claimingFor: tag)
        db.outboxCleaner = FleetOutboxCleaner()
        return db
    }

    /// Makes the change log and its triggers in a migrated store (once; later opens find them).
    /// A spool of an earlier svirt-trace, with its outbox of one entry per key, gets the change
    /// log in its place: the entries not yet shipped move over with their seqs, and the log's
    /// seqs go on from the outbox's highest, so that the fleet store's shipped_seq still counts.
    ///
    /// The spool is claimed for `tag` in the same transaction, before the fleet store numbers it:
    /// two writers for different nodes opening one new spool at once would otherwise both pass
    /// the identity check, and the second would learn only after reading its whole log.
    static func prepare(_ database: Database, claimingFor tag: String) throws {
        let db = database.connection
        do {
            try db.execute("BEGIN IMMEDIATE")
            do {
                let earlier = try !db.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fleet_outbox'").isEmpty
                try db.execute(outbox)
                if earlier {
                    try db.execute("INSERT INTO fleet_changes(seq, tbl, key) SELECT seq, tbl, key FROM fleet_outbox ORDER BY seq")
                    // The outbox's highest seq ever made, when its entries are gone, goes on as
                    // the log's high-water entry (read before the outbox and its record go).
                    try keepHighWater(try lastSeq(db), in: db)
                    try db.execute("DROP TABLE fleet_outbox; DELETE FROM sqlite_sequence WHERE name = 'fleet_outbox'")
                    for table in FleetTable.all {
                        for event in ["inserted", "updated", "deleted"] { try db.execute("DROP TRIGGER IF EXISTS fleet_\(table.name)_\(event)") }
                    }
                }
                for table in FleetTable.all { try db.execute(triggers(for: table)) }
                try db.run("INSERT OR IGNORE INTO fleet_spool(name, value) VALUES ('claimed_for', ?)", [.text(tag)])
                let claimed = try db.rows("SELECT value FROM fleet_spool WHERE name = 'claimed_for'").first?.first?.string
                if let claimed, ExactText(claimed) != ExactText(tag) {
                    throw StoreError.spoolOfAnotherNode(spool: database.path, made: claimed, given: tag)
                }
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, path: database.path, timeout: database.busyTimeoutMilliseconds)
        }
    }

    /// The spool's fleet identity, once registered: its number and node.
    public struct Identity: Sendable, Equatable {
        public var spool: Int64
        public var node: String
        /// The fleet store's token for this spool (spools.token): another database's spool of
        /// the same number is not this one.
        public var token: String
    }

    public static func identity(_ db: SQLiteDatabase) throws -> Identity? {
        guard try isSpool(db) else { return nil }
        let rows = try db.rows("SELECT name, value FROM fleet_spool WHERE name IN ('spool', 'node', 'token')")
        let values = Dictionary(rows.map { ($0[0].string ?? "", $0[1]) }, uniquingKeysWith: { first, _ in first })
        guard let spool = values["spool"]?.int64, let node = values["node"]?.string, let token = values["token"]?.string else { return nil }
        return Identity(spool: spool, node: node, token: token)
    }

    /// What a spool written back from the fleet store (restore-spool) had read before: the log
    /// sources it knew (ids up to `sourcesUpTo`), which it reads again from their start, and
    /// the time of the oldest event it still held. An event of those sources older than that was
    /// pruned by retention, or never stored, and is not stored again.
    struct RestoredHistory: Equatable {
        var from: Int64
        var sourcesUpTo: Int64
    }

    static func restoredHistory(_ db: SQLiteDatabase) throws -> RestoredHistory? {
        guard try isSpool(db), try !db.rows("SELECT 1 FROM sqlite_master WHERE name = 'fleet_spool'").isEmpty else { return nil }
        let values = try db.rows("""
            SELECT (SELECT value FROM fleet_spool WHERE name = 'history_from'),
                   (SELECT value FROM fleet_spool WHERE name = 'history_sources_to')
            """).first
        guard let from = values?[0].int64, let sources = values?[1].int64 else { return nil }
        return RestoredHistory(from: from, sourcesUpTo: sources)
    }

    /// Notes, in a spool being written back, what it had read (`RestoredHistory`). Every node's
    /// events count from the oldest held of any node: a node retention pruned to nothing holds
    /// none, and prune takes one cutoff for all.
    static func rememberHistory(in db: SQLiteDatabase) throws {
        try db.execute("""
            INSERT INTO fleet_spool(name, value)
                SELECT 'history_from', min(time_ms) FROM audit_events HAVING count(*) > 0;
            INSERT INTO fleet_spool(name, value)
                SELECT 'history_sources_to', coalesce(max(id), 0) FROM sources;
            """)
    }

    static func remember(_ identity: Identity, in db: SQLiteDatabase) throws {
        try db.run("INSERT INTO fleet_spool(name, value) VALUES ('spool', ?), ('node', ?), ('token', ?)",
                   [.integer(identity.spool), .text(identity.node), .text(identity.token)])
    }

    /// The highest change entry ever made, 0 for none: the log's highest seq (never cleared),
    /// or the record AUTOINCREMENT keeps of it in a spool of an earlier svirt-trace (under its
    /// outbox's name in one not opened by this one yet).
    static func lastSeq(_ db: SQLiteDatabase) throws -> Int64 {
        var last: Int64 = 0
        if try !db.rows("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").isEmpty {
            last = try db.rows("SELECT max(seq) FROM sqlite_sequence WHERE name IN ('fleet_changes', 'fleet_outbox')").first?.first?.int64 ?? 0
        }
        if try !db.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fleet_changes'").isEmpty {
            last = max(last, try db.rows("SELECT max(seq) FROM fleet_changes").first?.first?.int64 ?? 0)
        }
        return last
    }

    /// Removes the change entries up to `seq` (shipped), but never the highest entry, from which
    /// the next seq counts: a log emptied whole would start again at 1, below what the fleet
    /// store has as shipped, and its entries would never be read.
    static func clearShipped(through seq: Int64, in db: SQLiteDatabase) throws {
        try db.run("DELETE FROM fleet_changes WHERE seq <= ?1 AND seq < (SELECT max(seq) FROM fleet_changes)", [.integer(seq)])
    }

    /// Makes `seq` the log's high-water mark when no entry is that high: an entry of no table,
    /// which every read skips (it is at or below shipped_seq, and names no table).
    static func keepHighWater(_ seq: Int64, in db: SQLiteDatabase) throws {
        guard seq > 0 else { return }
        try db.run("INSERT INTO fleet_changes(seq, tbl, key) SELECT ?1, '', 0 WHERE ?1 > (SELECT coalesce(max(seq), 0) FROM fleet_changes)",
                   [.integer(seq)])
    }

    /// The store is a fleet writer's spool (it has a change log, or an earlier svirt-trace's outbox).
    public static func isSpool(_ db: SQLiteDatabase) throws -> Bool {
        try !db.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ('fleet_changes', 'fleet_outbox')").isEmpty
    }

    /// The store holds anything a writer stored (a spool must start empty or as a spool).
    static func holdsRows(_ db: SQLiteDatabase) throws -> Bool {
        for table in ["sources", "audit_events", "guests", "events", "alerts"] {
            if try !db.rows("SELECT 1 FROM \(table) LIMIT 1").isEmpty { return true }
        }
        return false
    }

    static func keyExpression(_ table: FleetTable, row: String) -> String {
        table.isRowID ? "\(row).id" : "json_array(\(table.key.map { "\(row).\($0)" }.joined(separator: ", ")))"
    }

    static func triggers(for table: FleetTable) -> String {
        let name = table.name
        let new = keyExpression(table, row: "NEW")
        let old = keyExpression(table, row: "OLD")
        return """
            CREATE TRIGGER IF NOT EXISTS fleet_\(name)_inserted AFTER INSERT ON \(name) BEGIN
                INSERT INTO fleet_changes(tbl, key) VALUES ('\(name)', \(new));
            END;
            CREATE TRIGGER IF NOT EXISTS fleet_\(name)_updated AFTER UPDATE ON \(name) BEGIN
                INSERT INTO fleet_changes(tbl, key) SELECT '\(name)', \(old) WHERE \(old) IS NOT \(new);
                INSERT INTO fleet_changes(tbl, key) VALUES ('\(name)', \(new));
            END;
            CREATE TRIGGER IF NOT EXISTS fleet_\(name)_deleted AFTER DELETE ON \(name) BEGIN
                INSERT INTO fleet_changes(tbl, key) VALUES ('\(name)', \(old));
            END;
            """
    }
}
