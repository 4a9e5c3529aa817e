import Native

/// The fleet store: one PostgreSQL database that every hypervisor's writer feeds (issue 14).
/// Writers apply the migrations in schema/postgresql/ when they open it; readers never change
/// anything and refuse a store whose version they do not know. Every statement runs with
/// search_path = svirt_trace.
public final class FleetDatabase {
    public let connection: PostgresConnection
    /// The --db argument with any password replaced, for messages.
    public let name: String
    /// A report reading in shares opens more connections with it.
    let recipe: FleetConnectionRecipe

    public enum Access: Sendable { case readOnly, readWrite }

    /// - Parameters:
    ///   - lockWaitSeconds: how long a writer waits for another migrating writer.
    ///   - answerTimeoutSeconds: how long any statement may go without a byte from the server
    ///     (PostgresConnection.answerTimeoutSeconds); nil: without end.
    public init(connectionString: String, access: Access, lockWaitSeconds: Int = 60,
                answerTimeoutSeconds: Double? = nil) throws {
        name = PostgresConnectionString.redacted(connectionString)
        recipe = FleetConnectionRecipe(connectionString: connectionString, answerTimeoutSeconds: answerTimeoutSeconds)
        do {
            connection = try PostgresConnection(connection: connectionString)
        } catch let error as PostgresError {
            throw error.isOutage ? StoreError.fleetUnreachable(database: name, reason: error.message)
                : StoreError.fleetLoginRefused(database: name, reason: error.message)
        }
        // Bounds the checks below too, and so a reconnect after a timeout: all but migrations.
        connection.answerTimeoutSeconds = answerTimeoutSeconds
        do {
            switch access {
            case .readWrite:
                // A store a newer svirt-trace migrated is not written by this one.
                let found = try PostgresMigrationBackend(connection: connection).appliedVersion()
                if found > Migration.postgresVersion {
                    throw StoreError.schemaTooNew(path: name, found: found, supported: Migration.postgresVersion)
                }
                // Text is UTF-8 everywhere in svirt-trace: a database of another encoding refuses
                // some names (a spool stops shipping) or, as SQL_ASCII, takes bytes that readers
                // then cannot read back. Checked before the schema is made, not after.
                if found == 0, let encoding = try connection.rows(
                    "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()").first?.first?.string,
                   encoding != "UTF8" {
                    throw StoreError.fleetNotUTF8(database: name, encoding: encoding)
                }
                do {
                    // A migration of a large store may run long without a byte: it is not cut.
                    if found < Migration.postgresVersion { connection.answerTimeoutSeconds = nil }
                    defer { connection.answerTimeoutSeconds = answerTimeoutSeconds }
                    try Migrator.migrate(PostgresMigrationBackend(connection: connection, lockWaitSeconds: lockWaitSeconds),
                                         to: Migration.postgres, name: name)
                } catch let error as PostgresError where error.sqlState == "42501" && found > 0 {
                    // A host's writer role may not migrate (only the schema's owner may): after an
                    // upgrade, it says what the owner must run; its rows wait in its spool meanwhile.
                    throw StoreError.fleetNotMigrated(database: name, found: found, supported: Migration.postgresVersion)
                }
            case .readOnly:
                let found = try PostgresMigrationBackend(connection: connection).appliedVersion()
                let supported = Migration.postgresVersion
                if found > supported { throw StoreError.schemaTooNew(path: name, found: found, supported: supported) }
                if found < supported { throw StoreError.fleetNotMigrated(database: name, found: found, supported: supported) }
            }
            try connection.execute("SET search_path = svirt_trace, pg_catalog")
        } catch let error as PostgresError {
            throw StoreError.postgres(database: name, error)
        }
    }

    public var schemaVersion: Int {
        (try? PostgresMigrationBackend(connection: connection).appliedVersion()) ?? 0
    }
}
