import Native

/// The SQLite store's version is `PRAGMA user_version`; its lock is the write lock.
struct SQLiteMigrationBackend: MigrationBackend {
    let connection: SQLiteDatabase

    func lockedTransaction(_ body: () throws -> Void) throws {
        try connection.execute("BEGIN IMMEDIATE")
        do {
            try body()
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    func appliedVersion() throws -> Int {
        Int(try connection.rows("PRAGMA user_version").first?.first?.int64 ?? 0)
    }

    func holdsForeignTables() throws -> Bool {
        (try connection.rows("SELECT count(*) FROM sqlite_master").first?.first?.int64 ?? 0) > 0
    }

    func apply(_ migration: Migration) throws {
        try connection.execute(migration.sql)
        try connection.execute("PRAGMA user_version = \(migration.version)")
    }
}
