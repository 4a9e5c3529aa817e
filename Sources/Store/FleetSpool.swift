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

    /// Makes the outbox and its triggers in a migrated store (once; later opens find them).
    public static func prepare(_ database: Database) throws {
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
    public static func identity(_ db: SQLiteDatabase) throws -> (spool: Int64, node: String)? {
        let rows = try db.rows("SELECT name, value FROM fleet_spool WHERE name IN ('spool', 'node')")
        let values = Dictionary(rows.map { ($0[0].string ?? "", $0[1]) }, uniquingKeysWith: { first, _ in first })
        guard let spool = values["spool"]?.int64, let node = values["node"]?.string else { return nil }
        return (spool, node)
    }

    static func remember(spool: Int64, node: String, in db: SQLiteDatabase) throws {
        try db.run("INSERT INTO fleet_spool(name, value) VALUES ('spool', ?), ('node', ?)", [.integer(spool), .text(node)])
    }

    /// The store is a fleet writer's spool (it has an outbox).
    public static func isSpool(_ db: SQLiteDatabase) throws -> Bool {
        try !db.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'fleet_outbox'").isEmpty
    }

    /// Rows changed and not yet shipped.
    public static func pending(_ db: SQLiteDatabase) throws -> Int64 {
        try db.rows("SELECT count(*) FROM fleet_outbox").first?.first?.int64 ?? 0
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
