import Native

/// A reader's session on the fleet store: the reports' SQLite statements, translated once each,
/// run in one read-only, repeatable-read transaction, so that every statement of a report sees
/// the same moment of the store, as one SQLite read transaction does.
final class PostgresReadConnection: SQLReader {
    let connection: PostgresConnection
    private var translated: [String: String] = [:]
    private var cursors = 0

    /// - Parameter snapshot: a snapshot another connection exported (`exportSnapshot`), which
    ///   this one then reads in: the shares of one report see the same rows.
    init(_ connection: PostgresConnection, snapshot: FleetSnapshot? = nil) throws {
        self.connection = connection
        // The fleet-wide totals of 003 first: a writer's per-spool tables stay beside them.
        // No JIT: a report's statements run once each, and compiling them took longer than
        // running them (2.7 of 4.0 s for who-touched on a 5M-denial store).
        try connection.execute("""
            SET search_path = svirt_trace_read, svirt_trace, pg_catalog;
            SET jit = off;
            BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY
            """)
        if let snapshot {
            // The server's own identifier (hex digits and dashes), checked all the same: it is
            // written into the statement.
            let id = snapshot.identifier
            guard !id.isEmpty, id.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) || ($0 >= 0x61 && $0 <= 0x66) }) else {
                throw PostgresError(sqlState: nil, message: "not a snapshot identifier: \(id.debugDescription)")
            }
            try connection.execute("SET TRANSACTION SNAPSHOT '\(id)'")
            guard try connection.rows("SELECT \(Self.serverStartExpression)").first?.first?.int64 == snapshot.serverStart else {
                throw PostgresError(sqlState: nil, message: "another server than the one that exported the snapshot")
            }
        }
    }

    private static let serverStartExpression = "(extract(epoch FROM pg_catalog.pg_postmaster_start_time()) * 1000000)::bigint"

    /// This transaction's snapshot, for other connections to read in; nil where this role may
    /// not export one (EXECUTE on the function revoked). Asked first: the function's error
    /// would abort this transaction, and a subtransaction cannot export; PostgreSQL checks the
    /// right when it prepares a statement, so not even a CASE around the call escapes it. Kept
    /// by the server until this transaction ends.
    func exportSnapshot() throws -> FleetSnapshot? {
        guard try connection.rows("SELECT pg_catalog.has_function_privilege('pg_catalog.pg_export_snapshot()', 'EXECUTE')")
            .first?.first?.int64 == 1 else { return nil }
        guard let row = try connection.rows("SELECT pg_catalog.pg_export_snapshot(), \(Self.serverStartExpression)").first,
              let identifier = row.first?.string, let start = row.last?.int64 else { return nil }
        return FleetSnapshot(identifier: identifier, serverStart: start)
    }

    func query(_ sql: String) throws -> any SQLCursor {
        cursors += 1
        return PostgresCursor(connection: connection, sql: postgres(sql), name: "svirt_trace_cursor_\(cursors)")
    }

    func lookup(_ sql: String) throws -> any SQLCursor {
        PostgresLookup(connection: connection, sql: postgres(sql))
    }

    func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        try connection.rows(postgres(sql), values)
    }

    var statementsAreRoundTrips: Bool { true }

    private func postgres(_ sql: String) -> String {
        if let known = translated[sql] { return known }
        let text = PostgresDialect.translate(sql)
        translated[sql] = text
        return text
    }
}
