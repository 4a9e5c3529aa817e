import Native

/// The fleet store's version is the highest row of svirt_trace.schema_migrations; its lock is a
/// transaction-level advisory lock, so two writers migrating one database at once take turns.
struct PostgresMigrationBackend: MigrationBackend {
    let connection: PostgresConnection
    /// Any constant works: only svirt-trace's migrator takes this advisory lock.
    static let lockKey: Int64 = 0x7376_6972_7400_0001

    /// How long a migrator waits for another one (or for anybody holding the key) before it
    /// says so, instead of hanging.
    var lockWaitSeconds = 60

    func lockedTransaction(_ body: () throws -> Void) throws {
        try connection.transaction {
            try connection.execute("SET LOCAL lock_timeout = '\(lockWaitSeconds)s'")
            do {
                try connection.run("SELECT pg_advisory_xact_lock($1)", [.integer(Self.lockKey)])
            } catch let error as PostgresError where error.sqlState == "55P03" {
                throw PostgresError(sqlState: error.sqlState, message: "another session has held the migration lock (advisory lock \(Self.lockKey)) for \(lockWaitSeconds) s: another migration, or a session holding that key; see pg_locks")
            }
            try body()
        }
    }

    func appliedVersion() throws -> Int {
        let table = try connection.rows("SELECT to_regclass('svirt_trace.schema_migrations') IS NOT NULL")
        guard table.first?.first?.int64 == 1 else { return 0 }
        return Int(try connection.rows("SELECT coalesce(max(version), 0) FROM svirt_trace.schema_migrations").first?.first?.int64 ?? 0)
    }

    func holdsForeignTables() throws -> Bool {
        (try connection.rows("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'svirt_trace'")
            .first?.first?.int64 ?? 0) > 0
    }

    func apply(_ migration: Migration) throws {
        try connection.execute("""
            CREATE SCHEMA IF NOT EXISTS svirt_trace;
            SET LOCAL search_path = svirt_trace;
            CREATE TABLE IF NOT EXISTS svirt_trace.schema_migrations (
                version    integer     PRIMARY KEY,
                file       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """)
        do {
            try connection.execute(migration.sql)
        } catch var error as PostgresError {
            // The statement is the whole file: name the file instead.
            error.sql = "migration \(migration.file)"
            throw error
        }
        try connection.run("INSERT INTO svirt_trace.schema_migrations (version, file) VALUES ($1, $2)",
                           [.integer(Int64(migration.version)), .text(migration.file)])
        // Every role reads the version to refuse a store it does not know.
        try connection.execute("GRANT SELECT ON svirt_trace.schema_migrations TO svirt_trace_writer, svirt_trace_reader")
    }
}
