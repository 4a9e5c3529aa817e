import Native

/// A reader's session on the fleet store: the reports' SQLite statements, translated once each,
/// run in one read-only, repeatable-read transaction, so that every statement of a report sees
/// the same moment of the store, as one SQLite read transaction does.
final class PostgresReadConnection: SQLReader {
    let connection: PostgresConnection
    private var translated: [String: String] = [:]
    private var cursors = 0

    init(_ connection: PostgresConnection) throws {
        self.connection = connection
        // The fleet-wide totals of 003 first: a writer's per-spool tables stay beside them.
        // No JIT: a report's statements run once each, and compiling them took longer than
        // running them (2.7 of 4.0 s for who-touched on a 5M-denial store).
        try connection.execute("""
            SET search_path = svirt_trace_read, svirt_trace, pg_catalog;
            SET jit = off;
            BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY
            """)
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
