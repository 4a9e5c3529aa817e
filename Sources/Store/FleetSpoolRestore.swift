import Foundation
import Native

/// Rebuilds a host's lost spool from what the fleet store holds of it (`fleet restore-spool`).
///
/// A writer whose spool file is gone (a disk replaced, a host reinstalled) cannot simply start a
/// new spool: reading its logs again, it would ship the events its old spool shipped, and the
/// fleet store refuses them (each event of a node once), which stops the new spool's shipping
/// for good. The fleet store mirrors every row the spool shipped, so the spool is written back
/// from it, under its old number: the writer then knows its events, leases, guests and alert
/// windows again, and goes on as after a restart. Every log source is read again from its start
/// (its checkpoint set back to 0): the checkpoint the fleet store holds can be ahead of the
/// events it holds (a batch ships each row's state as it is when read), and events already
/// stored are recognised and skipped, so what the old spool stored but never shipped is stored
/// again from the logs, once.
public enum FleetSpoolRestore {
    public struct Summary: Sendable {
        public var node: String
        public var shippedSeq: Int64
        public var rows: [(table: String, rows: Int64)]
    }

    /// How recently a spool may have shipped and still be taken for lost: a writer still
    /// shipping it beside the restored copy would make two spools of one number, and each would
    /// take the other's outbox entries for its own and never ship them.
    public static let quietSeconds = 600

    /// - Parameter force: restore a spool that shipped within `quietSeconds` (its host is known
    ///   to be gone).
    public static func restore(spool number: Int64, from fleet: FleetDatabase, into path: String, force: Bool = false,
                               busyTimeoutMilliseconds: Int32 = 10_000) throws -> Summary {
        // A spool that exists holds rows of its own, which a restore would mix with the fleet's.
        guard FileIdentity.of(path: path) == nil else { throw StoreError.restoreTargetExists(path: path) }
        // Through a link made ahead for the spool, the spool is written where it points (the
        // rename below would replace the link itself).
        let files = DatabaseFiles.inspect(path)
        if let problem = files.folderProblem() { throw problem }
        let path = files.danglingLinkTarget ?? path
        let remote = fleet.connection
        let registered: [[SQLValue]]
        do {
            registered = try remote.rows("""
                SELECT node, NULL, shipped_seq, extract(epoch FROM now() - shipped_at)::bigint FROM spools WHERE id = $1
                """, [.integer(number)])
        } catch let error as PostgresError {
            throw StoreError.postgres(database: fleet.name, error)
        }
        guard let row = registered.first, let node = row[0].string else {
            throw StoreError.restoreSpoolNotFound(number: number, database: fleet.name)
        }
        let shipped = row[2].int64 ?? 0
        if let ago = row[3].int64, ago < Int64(quietSeconds), !force {
            throw StoreError.restoreSpoolStillShipping(number: number, secondsAgo: ago)
        }
        // A new token first: the spool this one replaces, if a writer still ships it, is refused
        // at its next batch (schema/postgresql/006). Should the copy fail after this, a restore
        // run again takes the new token.
        let token: String
        do {
            guard let renewed = try remote.rows("SELECT svirt_trace.renew_spool_token($1)::text", [.integer(number)]).first?.first?.string else {
                throw StoreError.restoreNotMaker(number: number, database: fleet.name)
            }
            token = renewed
        } catch let error as PostgresError {
            throw StoreError.postgres(database: fleet.name, error)
        }
        // Written under another name and renamed into place once whole: a restore killed
        // half-way must not leave a file that a writer would take for the spool.
        let partial = path + ".restoring"
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(partial + suffix) }
        var counts: [(table: String, rows: Int64)] = []
        do {
            try write(spool: number, node: node, token: token, shipped: shipped, from: remote, into: partial,
                      busyTimeoutMilliseconds: busyTimeoutMilliseconds, counts: &counts)
            guard rename(partial, path) == 0 else {
                throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            for suffix in ["-wal", "-shm"] { unlink(partial + suffix) }
        } catch {
            // Half a spool would be taken for a whole one by the next writer.
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(partial + suffix) }
            if let error = error as? PostgresError { throw StoreError.postgres(database: fleet.name, error) }
            if error is StoreError { throw error }
            throw StoreError.wrap(error, path: path, timeout: busyTimeoutMilliseconds)
        }
        return Summary(node: node, shippedSeq: shipped, rows: counts)
    }

    /// Writes the spool into `path` and closes it, its write-ahead log folded into the file.
    private static func write(spool number: Int64, node: String, token: String, shipped: Int64,
                              from remote: PostgresConnection, into path: String, busyTimeoutMilliseconds: Int32,
                              counts: inout [(table: String, rows: Int64)]) throws {
        let database = try FleetSpool.open(path: path, tag: node, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        let local = database.connection
        do {
            // One snapshot of the fleet store: a shipper of the same spool still running elsewhere
            // moves no row under the copy.
            try remote.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { try? remote.execute("COMMIT") }
            try local.execute("BEGIN IMMEDIATE")
            do {
                for table in FleetTable.all {
                    counts.append((table.name, try copy(table, spool: number, from: remote, into: local)))
                }
                try local.execute("""
                    UPDATE sources SET byte_offset = 0, line = 0;
                    DELETE FROM fleet_changes;
                    """)
                if try !local.rows("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").isEmpty {
                    try local.execute("DELETE FROM sqlite_sequence WHERE name = 'fleet_changes'")
                }
                // The outbox goes on from what the fleet store has: the shipper's check that a
                // spool is not behind it holds, and the next change is shipped.
                try FleetSpool.keepHighWater(shipped, in: local)
                try FleetSpool.remember(FleetSpool.Identity(spool: number, node: node, token: token), in: local)
                try FleetSpool.rememberHistory(in: local)
                try local.execute("COMMIT")
            } catch {
                try? local.execute("ROLLBACK")
                throw error
            }
        }
        // Only the main file is renamed: everything must be in it.
        try local.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Copies the spool's rows of one table, ids moved back from the spool's range of fleet ids;
    /// returns how many. Rows replace what the schema's triggers made while earlier tables were
    /// copied (parse_error_counts): the fleet store's copy is the spool's state.
    private static func copy(_ table: FleetTable, spool: Int64, from remote: PostgresConnection,
                             into local: SQLiteDatabase) throws -> Int64 {
        let columns = try local.rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table.name)])
            .compactMap { $0.first?.string }
        let selected = columns.map { column in
            table.ids.contains(column)
                ? "CASE WHEN \(column) > 0 THEN \(column) - ($1::bigint << \(FleetTable.spoolShift)) ELSE \(column) END"
                : column
        }
        let rows = PostgresCursor(connection: remote, sql: "SELECT \(selected.joined(separator: ", ")) FROM \(table.name) WHERE spool = $1",
                                  name: "svirt_trace_restore")
        try rows.bind([.integer(spool)])
        let insert = try local.prepare("INSERT OR REPLACE INTO \(table.name)(\(columns.joined(separator: ", "))) VALUES ("
                                       + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
        var copied: Int64 = 0
        while try rows.step() {
            try insert.bind(columns.indices.map { rows.value(at: $0) })
            _ = try insert.step()
            copied += 1
        }
        return copied
    }
}
