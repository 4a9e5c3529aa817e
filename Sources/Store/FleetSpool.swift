import Foundation
import Native

/// The SQLite store a fleet writer stores into before its rows are shipped to PostgreSQL: an
/// ordinary store (the same code and schema write it), plus an outbox that its triggers fill in
/// the writer's own transactions with the key of every row inserted, changed or deleted. What
/// is in the outbox is what the fleet store has not been sent yet; nothing the writer commits
/// can miss it, and a SIGKILL loses nothing: the outbox is committed with the rows.
public enum FleetSpool {
    /// Outbox rows: one per table and key, the latest change of it. `seq` only grows
    /// (AUTOINCREMENT): a row changed again while a shipment is under way gets a new seq (its
    /// entry is deleted and inserted again), so
    /// the shipment's clean-up, which removes the seqs it sent, does not remove that change.
    static let outbox = """
        CREATE TABLE IF NOT EXISTS fleet_outbox (
            seq     INTEGER PRIMARY KEY AUTOINCREMENT,
            tbl     TEXT    NOT NULL,
            key     ANY     NOT NULL,
            deleted INTEGER NOT NULL,
            UNIQUE (tbl, key)
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
            if let identity = try identity(db.connection), identity.node != tag {
                throw StoreError.spoolOfAnotherNode(spool: path, made: identity.node, given: tag)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, path: path, timeout: busyTimeoutMilliseconds)
        }
        try prepare(db)
        db.outboxCleaner = FleetOutboxCleaner()
        return db
    }

    /// Makes the outbox and its triggers in a migrated store (once; later opens find them).
    static func prepare(_ database: Database) throws {
        let db = database.connection
        do {
            try db.execute("BEGIN IMMEDIATE")
            do {
                try db.execute(outbox)
                for table in FleetTable.all { try db.execute(triggers(for: table)) }
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
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

    static func remember(_ identity: Identity, in db: SQLiteDatabase) throws {
        try db.run("INSERT INTO fleet_spool(name, value) VALUES ('spool', ?), ('node', ?), ('token', ?)",
                   [.integer(identity.spool), .text(identity.node), .text(identity.token)])
    }

    /// The highest outbox entry ever made (AUTOINCREMENT's record), 0 for none.
    static func lastSeq(_ db: SQLiteDatabase) throws -> Int64 {
        try db.rows("SELECT seq FROM sqlite_sequence WHERE name = 'fleet_outbox'").first?.first?.int64 ?? 0
    }

    /// The store is a fleet writer's spool (it has an outbox).
    public static func isSpool(_ db: SQLiteDatabase) throws -> Bool {
        try !db.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fleet_outbox'").isEmpty
    }

    /// The store holds anything a writer stored (a spool must start empty or as a spool).
    static func holdsRows(_ db: SQLiteDatabase) throws -> Bool {
        for table in ["sources", "audit_events", "guests", "events", "alerts"] {
            if try !db.rows("SELECT 1 FROM \(table) LIMIT 1").isEmpty { return true }
        }
        return false
    }

    static func keyExpression(_ table: FleetTable, row: String) -> String {
        // The unary + matters: `key = NEW.id` against the ANY column is not looked up in the
        // (tbl, key) index but scanned, 400 µs a row at 30,000 outbox entries; `+NEW.id` is.
        table.isRowID ? "+\(row).id" : "json_array(\(table.key.map { "\(row).\($0)" }.joined(separator: ", ")))"
    }

    static func triggers(for table: FleetTable) -> String {
        let name = table.name
        let new = keyExpression(table, row: "NEW")
        let old = keyExpression(table, row: "OLD")
        // Delete, then insert: not INSERT OR REPLACE, whose conflict resolution gives way to the
        // outer statement's (an upsert's) inside a trigger, so that it fails instead of replacing.
        func note(_ key: String, deleted: Int, when condition: String = "") -> String {
            """
                DELETE FROM fleet_outbox WHERE tbl = '\(name)' AND key = \(key)\(condition.isEmpty ? "" : " AND " + condition);
                INSERT INTO fleet_outbox(tbl, key, deleted) SELECT '\(name)', \(key), \(deleted)\(condition.isEmpty ? "" : " WHERE " + condition);
            """
        }
        return """
            CREATE TRIGGER IF NOT EXISTS fleet_\(name)_inserted AFTER INSERT ON \(name) BEGIN
            \(note(new, deleted: 0))
            END;
            CREATE TRIGGER IF NOT EXISTS fleet_\(name)_updated AFTER UPDATE ON \(name) BEGIN
            \(note(old, deleted: 1, when: "\(old) IS NOT \(new)"))
            \(note(new, deleted: 0))
            END;
            CREATE TRIGGER IF NOT EXISTS fleet_\(name)_deleted AFTER DELETE ON \(name) BEGIN
            \(note(old, deleted: 1))
            END;
            """
    }
}
