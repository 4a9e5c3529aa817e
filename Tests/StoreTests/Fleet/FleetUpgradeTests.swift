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

    /// Schema 5 gives the parties already stored their run's UTC minute (floored, also before
    /// 1970); a party whose run has not arrived keeps none.
    @Test func runPartiesStoredBeforeSchema5GetTheirRunsMinute() throws {
        let server = try TestPostgresServer()
        let (name, admin) = try server.makeDatabase()
        defer { server.dropDatabase(name) }
        let owner = try PostgresConnection(connection: admin)
        try Migrator.migrate(PostgresMigrationBackend(connection: owner), to: Array(Migration.postgres.prefix(4)), name: name)
        try owner.execute("SET search_path = svirt_trace")
        let spool = try owner.rows("INSERT INTO spools (node, host) VALUES ('hv1', 'hv1') RETURNING id")[0][0].int64!
        _ = try owner.rows("SELECT ensure_month(1764033125015)")
        let runs: [(local: Int64, firstMs: Int64, minute: Int64)] = [
            (1, 1_764_033_125_015, 1_764_033_120_000), (2, 1_764_033_180_000, 1_764_033_180_000),
            (3, -1, -60_000), (4, -60_001, -120_000),
        ]
        for run in runs {
            let id = FleetTable.fleetID(spool: spool, local: run.local)
            try owner.run("""
                INSERT INTO denial_runs (spool, id, node, kind, seresult, scontext, tcontext, tclass, perms, avc_count, source_count, target_count,
                                         count, first_ms, last_ms, first_serial, last_serial)
                VALUES ($1, $2, 'hv1', 'cross-guest', 'denied', $2, $2, 'file', 'read', 1, 0, 0, 1, $3, $3, 1, 1)
                """, [.integer(spool), .integer(id), .integer(run.firstMs)])
        }
        // A central writer's parties carry its node '*', their runs the node logged.
        for local: Int64 in 1...5 {
            try owner.run("INSERT INTO run_parties (spool, node, run_id, side, lease_id) VALUES ($1, $2, $3, 'target', $3)",
                          [.integer(spool), .text(local == 2 ? "*" : "hv1"), .integer(FleetTable.fleetID(spool: spool, local: local))])
        }
        _ = try FleetDatabase(connectionString: admin, access: .readWrite)
        let found = try owner.rows("SELECT run_id, run_minute_ms FROM run_parties ORDER BY run_id")
        let expected: [[SQLValue]] = runs.map { [.integer(FleetTable.fleetID(spool: spool, local: $0.local)), .integer($0.minute)] }
            + [[.integer(FleetTable.fleetID(spool: spool, local: 5)), .null]]
        #expect(found == expected)
        // A writer that ran across the migration ships parties without the minute: the trigger
        // takes it from the run.
        let late = FleetTable.fleetID(spool: spool, local: 1)
        try owner.run("INSERT INTO run_parties (spool, node, run_id, side, lease_id) VALUES ($1, 'hv1', $2, 'source', $2)",
                      [.integer(spool), .integer(late)])
        #expect(try owner.rows("SELECT run_minute_ms FROM run_parties WHERE run_id = $1 AND side = 'source'", [.integer(late)])
                    == [[.integer(runs[0].minute)]])
    }
}
