import Foundation
import Testing
import Native
@testable import Store
import TestSupport

/// A fleet store of an older schema version meets a newer svirt-trace.
@Suite struct FleetUpgradeTests {
    @Test func aWriterThatMayNotMigrateSaysTheOwnerMustAndOpensOnceMigrated() throws {
        let server = try TestPostgresServer()
        let (name, admin) = try server.makeDatabase()
        defer { server.dropDatabase(name) }
        let owner = try PostgresConnection(connection: admin)
        try Migrator.migrate(PostgresMigrationBackend(connection: owner), to: Array(Migration.postgres.prefix(2)), name: name)
        let role = "upgrade_writer_\(UUID().uuidString.prefix(8).lowercased())"
        try owner.execute("CREATE ROLE \(role) LOGIN IN ROLE svirt_trace_writer")
        defer { try? owner.execute("DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)") }
        let writer = "\(admin) user=\(role)"
        #expect {
            _ = try FleetDatabase(connectionString: writer, access: .readWrite)
        } throws: { error in
            guard case StoreError.fleetNotMigrated(_, let found, let supported) = error else { return false }
            return found == 2 && supported == Migration.postgresVersion
                && "\(error)".contains("svirt-trace fleet migrate")
        }
        _ = try FleetDatabase(connectionString: admin, access: .readWrite)
        let opened = try FleetDatabase(connectionString: writer, access: .readWrite)
        #expect(opened.schemaVersion == Migration.postgresVersion)
    }
}
