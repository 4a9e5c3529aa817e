/// What the migrator needs of a store: SQLite's file or a PostgreSQL database.
protocol MigrationBackend {
    /// Runs `body` in one transaction that no other migrator of the same store runs beside.
    func lockedTransaction(_ body: () throws -> Void) throws
    /// The last migration applied; 0 for a new store.
    func appliedVersion() throws -> Int
    /// A store at version 0 that already holds tables is somebody else's.
    func holdsForeignTables() throws -> Bool
    /// Runs the migration's SQL and records its version, inside the locked transaction.
    func apply(_ migration: Migration) throws
}

/// Applies the migrations a store lacks, in order, each in its own transaction under the
/// backend's lock, reading the version again under that lock: two writers opening a new store
/// at once must not both create it.
enum Migrator {
    static func migrate(_ backend: some MigrationBackend, to migrations: [Migration], name: String) throws {
        let target = migrations.map(\.version).max() ?? 0
        // Up to date needs no lock (versions only grow); anything else is decided under it.
        if try backend.appliedVersion() >= target { return }
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            try backend.lockedTransaction {
                let found = try backend.appliedVersion()
                if found == 0, try backend.holdsForeignTables() { throw StoreError.notOurDatabase(name) }
                if migration.version > found { try backend.apply(migration) }
            }
        }
    }
}
