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
    init(_ connection: PostgresConnection, snapshot: String? = nil) throws {
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
            guard !snapshot.isEmpty, snapshot.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) || ($0 >= 0x61 && $0 <= 0x66) }) else {
                throw PostgresError(sqlState: nil, message: "not a snapshot identifier: \(snapshot.debugDescription)")
            }
            try connection.execute("SET TRANSACTION SNAPSHOT '\(snapshot)'")
        }
    }

    /// This transaction's snapshot, for other connections to read in (pg_export_snapshot). Kept
    /// by the server until this transaction ends.
    func exportSnapshot() throws -> String? {
        try connection.rows("SELECT pg_export_snapshot()").first?.first?.string
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
