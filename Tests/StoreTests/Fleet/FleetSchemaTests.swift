import Foundation
import Testing
import Native
@testable import Store
import TestSupport

/// The fleet store's schema, migrator and least privilege, against the throwaway server of
/// tools/with-test-postgres.
@Suite struct FleetSchemaTests {
    /// One row per table, of the node $1 (the columns each table requires).
    /// One row per table, of the node $1 in the spool $2 (ids in the spool's range).
    static let rowOfNode: [String: String] = [
        "spools": "INSERT INTO spools (node, host) SELECT $1, 'hv' WHERE $2::bigint IS NOT NULL",
        "sources": "INSERT INTO sources (spool, node, id, first_line_hash, prefix_hash, prefix_length, last_path, byte_offset, line) VALUES ($2, $1, \(id), 'h', 'p', 1, '/var/log/audit/audit.log', 0, 0)",
        "strings": "INSERT INTO strings (spool, node, id, text) VALUES ($2, $1, \(id), 'system_u:system_r:svirt_t:s0:c1,c2')",
        "audit_events": "INSERT INTO audit_events (spool, id, node, time_ms, serial, occurrence) VALUES ($2, \(id), $1, 1764033125015, 2270, 0)",
        "evidence_blocks": "INSERT INTO evidence_blocks (spool, node, id, first_ms, events, length, data) VALUES ($2, $1, \(id), 1764033125015, 1, 3, '\\x010203')",
        "denial_runs": """
            INSERT INTO denial_runs (spool, id, node, kind, seresult, scontext, tcontext, tclass, perms, avc_count, source_count, target_count,
                                     count, first_ms, last_ms, first_serial, last_serial)
            VALUES ($2, \(id), $1, 'cross-guest', 'denied', \(id), \(id), 'file', 'read', 1, 0, 0, 1, 1764033125015, 1764033125015, 2270, 2270)
            """,
        "run_parties": "INSERT INTO run_parties (spool, node, run_id, side, lease_id) VALUES ($2, $1, \(id), 'source', \(id))",
        "guests": "INSERT INTO guests (spool, id, node, uuid, name) VALUES ($2, \(id), $1, '8f1c2d3e-0000-4000-8000-000000000001', 'payroll')",
        "leases": "INSERT INTO leases (spool, id, guest_id, node, name, model, label, is_static, started, origin) VALUES ($2, \(id), \(id), $1, 'payroll', 'selinux', 'system_u:system_r:svirt_t:s0:c1,c2', 0, 0, 'audit')",
        "guest_resources": "INSERT INTO guest_resources (spool, id, audit_event_id, node, time_ms, resource, success) VALUES ($2, \(id), \(id), $1, 1764033125015, 'disk', 1)",
        "events": "INSERT INTO events (spool, id, node, kind, detail) VALUES ($2, \(id), $1, 'start', '{}')",
        "coverage_marks": "INSERT INTO coverage_marks (spool, id, node, kind) VALUES ($2, \(id), $1, 'system-boot')",
        "parse_errors": "INSERT INTO parse_errors (spool, node, id, path, line, reason, text, stage, overflow) VALUES ($2, $1, \(id), '/l', 1, 'r', 't', 'reader', 0)",
        "parse_error_counts": "INSERT INTO parse_error_counts (spool, node, source_key, reason, stage, kept, counted) VALUES ($2, $1, 0, 'r', 'reader', 1, 0)",
        "pair_totals": """
            INSERT INTO pair_totals (spool, node, source_key, target_key, kinds, count, first_ms, last_ms, perms, tclasses, nodes, permissive)
            VALUES ($2, $1, 's', 't', 'cross-guest', 1, 1, 1, 'read', 'file', $1, 0)
            """,
        "daily_totals": "INSERT INTO daily_totals (spool, node, day, kind, count, last_ms) VALUES ($2, $1, 20417, 'cross-guest', 1, 1)",
        "node_activity": "INSERT INTO node_activity (spool, node, events, last_ms) VALUES ($2, $1, 1, 1)",
        "alerts": "INSERT INTO alerts (spool, id, node, alert_id, time_ms, severity, rule, kind, json) VALUES ($2, \(id), $1, 'a-' || $1, 1, 'high', 'r', 'cross-guest', '{}')",
        "alert_deliveries": "INSERT INTO alert_deliveries (spool, node, alert, sink, state, attempts) VALUES ($2, $1, \(id), 'stdout', 'pending', 0)",
        "alert_windows": "INSERT INTO alert_windows (spool, node, owner, key, value) VALUES ($2, $1, $1, 'repeats|x', '{}')",
    ]

    /// The first id of the spool $2.
    static let id = "(($2::bigint << 40) + 1)"

    /// Registers a spool for `node` as the connection's role; returns its number.
    static func register(_ db: PostgresConnection, node: String) throws -> Int64 {
        try db.rows("INSERT INTO spools (node, host) VALUES ($1, 'hv') RETURNING id", [.text(node)])[0][0].int64!
    }

    /// A migrated database with login roles: writers for node-a, node-b, a central writer ('*')
    /// and a reader. Role names are unique per test (roles belong to the whole cluster).
    private struct Fleet {
        let server: TestPostgresServer
        let name: String
        let admin: String
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()

        var writerA: String { "host_a_\(suffix)" }
        var writerB: String { "host_b_\(suffix)" }
        var central: String { "central_\(suffix)" }
        var reader: String { "auditor_\(suffix)" }

        init() throws {
            server = try TestPostgresServer()
            (name, admin) = try server.makeDatabase()
            _ = try FleetDatabase(connectionString: admin, access: .readWrite)
            let db = try PostgresConnection(connection: admin)
            for (role, group) in [(writerA, "svirt_trace_writer"), (writerB, "svirt_trace_writer"),
                                  (central, "svirt_trace_writer"), (reader, "svirt_trace_reader")] {
                try db.execute("CREATE ROLE \(role) LOGIN IN ROLE \(group)")
            }
            try db.run("INSERT INTO svirt_trace.writer_nodes VALUES ($1, 'node-a'), ($2, 'node-b'), ($3, '*')",
                       [.text(writerA), .text(writerB), .text(central)])
        }

        func connect(as role: String) throws -> PostgresConnection {
            let db = try PostgresConnection(connection: "\(admin) user=\(role)")
            try db.execute("SET search_path = svirt_trace")
            return db
        }

        func tearDown() {
            server.dropDatabase(name)
            if let db = try? PostgresConnection(connection: server.admin) {
                for role in [writerA, writerB, central, reader] { try? db.execute("DROP ROLE IF EXISTS \(role)") }
            }
        }
    }

    @Test func theEmbeddedMigrationsMatchTheSchemaFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryRoot.appendingPathComponent("schema/postgresql").path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(Migration.postgres.map(\.file) == files.map { "postgresql/\($0)" })
        for migration in Migration.postgres {
            #expect(migration.sql == (try Fixtures.read("schema/\(migration.file)")), "\(migration.file) differs from its embedded copy")
        }
    }

    @Test func aWriterMigratesANewDatabaseOnceAndAReaderRefusesOneItDoesNotKnow() throws {
        let server = try TestPostgresServer()
        let (name, connection) = try server.makeDatabase()
        defer { server.dropDatabase(name) }
        // Not migrated yet: a reader changes nothing and names the command that migrates.
        let unmigrated = #expect(throws: StoreError.self) { try FleetDatabase(connectionString: connection, access: .readOnly) }
        #expect(unmigrated.map { "\($0)" }?.contains("svirt-trace fleet migrate") == true)
        #expect(try PostgresConnection(connection: connection).rows("SELECT count(*) FROM pg_namespace WHERE nspname = 'svirt_trace'") == [[.integer(0)]])

        // Four writers open the new database at once: each migration is applied exactly once.
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do { _ = try FleetDatabase(connectionString: connection, access: .readWrite) } catch {
                failures.mutate { $0.append("\(error)") }
            }
        }
        #expect(failures.value == [])
        let db = try FleetDatabase(connectionString: connection, access: .readOnly)
        #expect(db.schemaVersion == Migration.postgresVersion)
        // Evidence blocks with line steps and other-source marks are shipped as they are: fleet
        // schema 7 marks that format, so that a svirt-trace of schema 6 refuses the store.
        #expect(db.schemaVersion >= 7)
        #expect(try db.connection.rows("SELECT version, file FROM schema_migrations ORDER BY version")
                == Migration.postgres.map { [.integer(Int64($0.version)), .text($0.file)] })
        let tables = try db.connection.rows("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'svirt_trace' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname
            """).compactMap { $0[0].string }
        #expect(tables == (Array(Self.rowOfNode.keys) + ["schema_migrations", "writer_nodes"]).sorted())

        // A newer store (a later svirt-trace migrated it) is refused by this one's reader.
        try db.connection.run("INSERT INTO schema_migrations (version, file) VALUES ($1, 'postgresql/999_future.sql')",
                              [.integer(Int64(Migration.postgresVersion + 1))])
        let newer = #expect(throws: StoreError.self) { try FleetDatabase(connectionString: connection, access: .readOnly) }
        #expect(newer.map { "\($0)" }?.contains("newer than this svirt-trace supports") == true)
    }

    @Test func aMigratorWaitingForTheLockSaysSoInsteadOfHanging() throws {
        let server = try TestPostgresServer()
        let (name, connection) = try server.makeDatabase()
        defer { server.dropDatabase(name) }
        let holder = try PostgresConnection(connection: connection)
        try holder.run("SELECT pg_advisory_lock($1)", [.integer(PostgresMigrationBackend.lockKey)])
        let error = #expect(throws: StoreError.self) { try FleetDatabase(connectionString: connection, access: .readWrite, lockWaitSeconds: 1) }
        #expect(error.map { "\($0)" }?.contains("migration lock") == true, "\(String(describing: error))")
        try holder.run("SELECT pg_advisory_unlock($1)", [.integer(PostgresMigrationBackend.lockKey)])
        #expect(try FleetDatabase(connectionString: connection, access: .readWrite, lockWaitSeconds: 1).schemaVersion == Migration.postgresVersion)
        // A store a newer svirt-trace migrated is not written, nor only read.
        try holder.run("INSERT INTO svirt_trace.schema_migrations (version, file) VALUES ($1, 'postgresql/999_future.sql')",
                       [.integer(Int64(Migration.postgresVersion + 1))])
        for access in [FleetDatabase.Access.readWrite, .readOnly] {
            let newer = #expect(throws: StoreError.self) { try FleetDatabase(connectionString: connection, access: access) }
            #expect(newer.map { "\($0)" }?.contains("newer than this svirt-trace supports") == true)
        }
    }

    @Test func aDatabaseWithSomebodyElsesSvirtTraceSchemaIsNotTouched() throws {
        let server = try TestPostgresServer()
        let (name, connection) = try server.makeDatabase()
        defer { server.dropDatabase(name) }
        let admin = try PostgresConnection(connection: connection)
        try admin.execute("CREATE SCHEMA svirt_trace; CREATE TABLE svirt_trace.theirs (x int)")
        let error = #expect(throws: StoreError.self) { try FleetDatabase(connectionString: connection, access: .readWrite) }
        #expect(error.map { "\($0)" }?.contains("not an svirt-trace database") == true)
        #expect(try admin.rows("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'svirt_trace'")
                == [[.integer(1)]])
    }

    @Test func aWriterSeesAndChangesItsOwnNodesRowsOnly() throws {
        let fleet = try Fleet()
        defer { fleet.tearDown() }
        let a = try fleet.connect(as: fleet.writerA), b = try fleet.connect(as: fleet.writerB)
        try a.run("SELECT ensure_month($1)", [.integer(1764033125015)])
        let spoolA = try Self.register(a, node: "node-a"), spoolB = try Self.register(b, node: "node-b")
        // A spool of another node is refused, and a spool's number and maker are the database's.
        let foreignSpool = #expect(throws: PostgresError.self) { try a.run("INSERT INTO spools (node, host) VALUES ('node-b', 'hv')") }
        #expect(foreignSpool?.isPermissionDenied == true)
        let chosenID = #expect(throws: PostgresError.self) { try a.run("INSERT INTO spools (id, node, host) VALUES (424242, 'node-a', 'hv')") }
        #expect(chosenID?.isPermissionDenied == true)
        // strings first: a run names its interned texts.
        for (table, insert) in Self.rowOfNode.sorted(by: { ($0.key == "strings" ? "" : $0.key) < ($1.key == "strings" ? "" : $1.key) }) {
            try a.run(insert, [.text("node-a"), .integer(spoolA)])
            try b.run(insert, [.text("node-b"), .integer(spoolB)])

            // Writing another node's row is refused by the policy.
            let forged = #expect(throws: PostgresError.self, "\(table): node-a wrote a node-b row") {
                try a.run(insert, [.text("node-b"), .integer(spoolA)])
            }
            #expect(forged?.isPermissionDenied == true, "\(table): \(String(describing: forged))")
            if table != "spools" {
                // And so is an own node's row in another writer's spool, whose ids it would take.
                let borrowed = #expect(throws: PostgresError.self, "\(table): node-a wrote into node-b's spool") {
                    try a.run(insert, [.text("node-a"), .integer(spoolB)])
                }
                #expect(borrowed?.isPermissionDenied == true, "\(table): \(String(describing: borrowed))")
            }

            // The other node's rows are invisible: not read, not changed, not deleted.
            #expect(try a.rows("SELECT DISTINCT node FROM \(table)") == [["node-a"]], "\(table)")
            // Moving an own row to the other node is refused (a spool is never changed at all).
            let moved = #expect(throws: PostgresError.self, "\(table)") { try a.run("UPDATE \(table) SET node = 'node-b'") }
            #expect(moved?.isPermissionDenied == true, "\(table)")
            if table != "spools" {
                #expect(try a.run("UPDATE \(table) SET node = node WHERE node = 'node-b'") == 0, "\(table)")
            }
            if table != "spools" {
                // Deletes are shipped from the spool (a replaced event, a recomputed total):
                // only the own node's rows.
                #expect(try a.run("DELETE FROM \(table) WHERE node = 'node-b'") == 0, "\(table)")
            } else {
                let deleted = #expect(throws: PostgresError.self, "\(table)") { try a.run("DELETE FROM \(table)") }
                #expect(deleted?.isPermissionDenied == true, "\(table)")
            }
            let truncated = #expect(throws: PostgresError.self, "\(table)") { try a.execute("TRUNCATE \(table)") }
            #expect(truncated?.isPermissionDenied == true, "\(table)")
        }
        // Through the view of denials too (a view reads as its owner unless security_invoker).
        try a.run("UPDATE audit_events SET run_id = (SELECT id FROM denial_runs) WHERE node = 'node-a'")
        try b.run("UPDATE audit_events SET run_id = (SELECT id FROM denial_runs) WHERE node = 'node-b'")
        // An id outside the spool's range is refused: a writer cannot point at another's rows.
        let outside = #expect(throws: PostgresError.self) { try a.run("UPDATE audit_events SET run_id = (SELECT id FROM denial_runs) + 1099511627776") }
        #expect(outside?.sqlState == "23514")
        #expect(try a.rows("SELECT node, scontext, perms FROM denials") == [["node-a", "system_u:system_r:svirt_t:s0:c1,c2", "read"]])
        #expect(try fleet.connect(as: fleet.reader).rows("SELECT node FROM denials ORDER BY node") == [["node-a"], ["node-b"]])

        // node-b's history is whole.
        let admin = try fleet.connect(as: "postgres")
        for table in Self.rowOfNode.keys {
            // spools: the one registered first, and the one of the loop.
            #expect(try admin.rows("SELECT count(*) FROM \(table) WHERE node = 'node-b'") == [[.integer(table == "spools" ? 2 : 1)]], "\(table)")
        }
    }

    @Test func aWriterCannotGrantItselfANodeNorGoAroundThePolicies() throws {
        let fleet = try Fleet()
        defer { fleet.tearDown() }
        let a = try fleet.connect(as: fleet.writerA)
        #expect(try a.rows("SELECT role, node FROM writer_nodes") == [[.text(fleet.writerA), "node-a"]])
        for attempt in [
            "INSERT INTO writer_nodes VALUES (current_user, 'node-b')",
            "UPDATE writer_nodes SET node = '*'",
            "CREATE TABLE svirt_trace.mine (x int)",
            "ALTER TABLE audit_events DISABLE ROW LEVEL SECURITY",
            "DROP POLICY writer_own_node ON audit_events",
            "SELECT * FROM audit_events_2025_11",
            "SET row_security = off; SELECT * FROM audit_events",
            "CREATE OR REPLACE FUNCTION my_nodes() RETURNS text[] LANGUAGE sql AS $$SELECT '{*}'::text[]$$",
        ] {
            if attempt.hasPrefix("SELECT * FROM audit_events_") { try a.run("SELECT ensure_month($1)", [.integer(1764033125015)]) }
            let refused = #expect(throws: PostgresError.self, "\(attempt)") { try a.execute(attempt) }
            #expect(refused?.isPermissionDenied == true || refused?.sqlState == "42501" || refused?.sqlState == "42883",
                    "\(attempt): \(String(describing: refused))")
        }
        #expect(try fleet.connect(as: "postgres").rows("SELECT count(*) FROM writer_nodes WHERE role = $1", [.text(fleet.writerA)]) == [[.integer(1)]])
    }

    @Test func theCentralWriterAndTheReaderSeeEveryNodeAndTheReaderWritesNothing() throws {
        let fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.connect(as: fleet.central), reader = try fleet.connect(as: fleet.reader)
        try central.run("SELECT ensure_month($1)", [.integer(1764033125015)])
        let spool = try Self.register(central, node: "*")
        for node in ["node-a", "node-b", ""] {
            try central.run(Self.rowOfNode["audit_events"]!, [.text(node), .integer(spool)])
        }
        #expect(try reader.rows("SELECT node FROM audit_events ORDER BY node") == [[""], ["node-a"], ["node-b"]])
        #expect(try fleet.connect(as: fleet.writerA).rows("SELECT node FROM audit_events") == [["node-a"]])
        for attempt in [Self.rowOfNode["audit_events"]!, "UPDATE audit_events SET serial = 0", "DELETE FROM audit_events"] {
            let refused = #expect(throws: PostgresError.self) { try reader.run(attempt, attempt.contains("$1") ? ["node-a", .integer(spool)] : []) }
            #expect(refused?.isPermissionDenied == true, "\(attempt)")
        }
        let partition = #expect(throws: PostgresError.self) { try reader.run("SELECT ensure_month($1)", [.integer(1764033125015)]) }
        #expect(partition?.isPermissionDenied == true)
    }

    @Test func monthsArePartitionsMadeOnDemandWithinSaneTimes() throws {
        let fleet = try Fleet()
        defer { fleet.tearDown() }
        let a = try fleet.connect(as: fleet.writerA)
        // 2025-11-25 and 2025-12-31 23:59:59.999 UTC, twice each: one partition per month per table.
        for ms: Int64 in [1764033125015, 1767225599999, 1764033125015, 1767225599999] { try a.run("SELECT ensure_month($1)", [.integer(ms)]) }
        let spool = try Self.register(a, node: "node-a")
        try a.run(Self.rowOfNode["audit_events"]!, [.text("node-a"), .integer(spool)])
        try a.run("INSERT INTO audit_events (spool, id, node, time_ms, serial, occurrence) VALUES ($1, ($1::bigint << 40) + 2, 'node-a', 1767225599999, 1, 0)", [.integer(spool)])
        // 1970: the boot of a host without a clock lands in the partition before 2000.
        try a.run("SELECT ensure_month(5)")
        try a.run("INSERT INTO audit_events (spool, id, node, time_ms, serial, occurrence) VALUES ($1, ($1::bigint << 40) + 3, 'node-a', 5, 1, 0)", [.integer(spool)])
        // A month without its partition is refused, not stored somewhere else.
        let unmade = #expect(throws: PostgresError.self) {
            try a.run("INSERT INTO audit_events (spool, id, node, time_ms, serial, occurrence) VALUES ($1, ($1::bigint << 40) + 4, 'node-a', 1735689600000, 1, 0)", [.integer(spool)])
        }
        #expect(unmade?.sqlState == "23514")
        // A hostile time far past the server's clock makes no partition.
        let future = #expect(throws: PostgresError.self) { try a.run("SELECT ensure_month($1)", [.integer(253402300799999)]) }
        #expect(future?.sqlState == "22008")
        let partitions = try fleet.connect(as: "postgres").rows("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'svirt_trace.audit_events'::regclass ORDER BY 1
            """).compactMap { $0[0].string }
        // The month after the last one asked for is made ahead.
        #expect(partitions == ["audit_events_2025_11", "audit_events_2025_12", "audit_events_2026_01", "audit_events_before_2000"])

        // A long transaction reading the table (or a hostile writer locking it) makes a new month
        // fail after 2 s, instead of every other session queueing behind the wait.
        let reader = try fleet.connect(as: fleet.writerB)
        try reader.execute("BEGIN; LOCK TABLE audit_events IN ACCESS SHARE MODE")
        let started = Date()
        let blocked = #expect(throws: PostgresError.self) { try a.run("SELECT ensure_month($1)", [.integer(1735689600000)]) }
        #expect(blocked?.sqlState == "55P03")
        #expect(Date().timeIntervalSince(started) < 20)
        try reader.execute("ROLLBACK")
        try a.run("SELECT ensure_month($1)", [.integer(1735689600000)])
    }

    /// drop_empty_months (004) runs with the owner's rights for any writer: it may drop only
    /// months that end before the cutoff and hold no row of any node, never the partition before
    /// 2000, and a month it cannot lock in time is left, not an error.
    @Test func onlyEmptyMonthsBeforeTheCutoffAreDropped() throws {
        let fleet = try Fleet()
        defer { fleet.tearDown() }
        let a = try fleet.connect(as: fleet.writerA), b = try fleet.connect(as: fleet.writerB)
        let owner = try fleet.connect(as: "postgres")
        func months() throws -> [String] {
            try owner.rows("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'svirt_trace.audit_events'::regclass ORDER BY 1
                """).compactMap { $0[0].string }
        }
        // September to December 2025 (ensure_month makes the month after each).
        for ms: Int64 in [1_757_000_000_000, 1_759_500_000_000, 1_764_033_125_015] { try a.run("SELECT ensure_month($1)", [.integer(ms)]) }
        let spoolB = try Self.register(b, node: "node-b")
        // node-b keeps a row in September; October and November hold nothing; December is ahead.
        try b.run("INSERT INTO audit_events (spool, id, node, time_ms, serial, occurrence) VALUES ($1, ($1::bigint << 40) + 1, 'node-b', 1757000000000, 1, 0)",
                  [.integer(spoolB)])
        try a.run("SELECT ensure_month(5)")
        #expect(try months() == ["audit_events_2025_09", "audit_events_2025_10", "audit_events_2025_11", "audit_events_2025_12", "audit_events_before_2000"])
        // The cutoff 2025-11-15: October is empty and over; November is not over; September holds
        // node-b's row, which writer A neither sees nor may delete, and must not lose by a drop.
        #expect(try a.rows("SELECT drop_empty_months($1)", [.integer(1_763_164_800_000)]) == [[.integer(1)]])
        #expect(try months() == ["audit_events_2025_09", "audit_events_2025_11", "audit_events_2025_12", "audit_events_before_2000"])
        #expect(try owner.rows("SELECT count(*) FROM svirt_trace.audit_events") == [[.integer(1)]])
        // A cutoff far ahead: September still holds its row; November and December go; the
        // partition before 2000 stays, empty or not.
        #expect(try a.rows("SELECT drop_empty_months($1)", [.integer(4_102_444_800_000)]) == [[.integer(2)]])
        #expect(try months() == ["audit_events_2025_09", "audit_events_before_2000"])
        // A reader may not call it.
        let reader = try fleet.connect(as: fleet.reader)
        let refused = #expect(throws: PostgresError.self) { try reader.run("SELECT drop_empty_months(4102444800000)") }
        #expect(refused?.isPermissionDenied == true)
        // A long report holding the table: every month is left for later, after one wait for the
        // lock (2 s), not one per month: the fleet's other sessions queue behind that wait.
        try b.execute("DELETE FROM audit_events")
        for ms: Int64 in [1_704_067_200_000, 1_711_929_600_000] { try a.run("SELECT ensure_month($1)", [.integer(ms)]) }
        let made = try months()
        #expect(made.count == 6, "\(made)")
        let holder = try fleet.connect(as: fleet.writerB)
        try holder.execute("BEGIN; LOCK TABLE audit_events IN ACCESS SHARE MODE")
        let started = Date()
        #expect(try a.rows("SELECT drop_empty_months($1)", [.integer(4_102_444_800_000)]) == [[.integer(0)]])
        #expect(Date().timeIntervalSince(started) < 5, "five empty months, one wait of 2 s")
        try holder.execute("ROLLBACK")
        #expect(try a.rows("SELECT drop_empty_months($1)", [.integer(4_102_444_800_000)]) == [[.integer(5)]])
        #expect(try months() == ["audit_events_before_2000"])
    }

    /// A database that is not UTF-8 is refused before the schema is made: as SQL_ASCII it takes
    /// bytes its readers then cannot read back; as LATIN1 it refuses names a spool must ship.
    @Test func aDatabaseThatIsNotUTF8IsRefusedBeforeTheSchemaIsMade() throws {
        let server = try TestPostgresServer()
        let name = "svt_ascii_" + String(UUID().uuidString.prefix(8)).lowercased()
        try PostgresConnection(connection: server.admin).execute("CREATE DATABASE \(name) ENCODING 'SQL_ASCII' TEMPLATE template0")
        defer { server.dropDatabase(name) }
        let connection = "\(server.admin) dbname=\(name)"
        let error = #expect(throws: StoreError.self) { try FleetDatabase(connectionString: connection, access: .readWrite) }
        #expect(error.map { "\($0)" }?.contains("encoding is SQL_ASCII, not UTF8") == true, "\(String(describing: error))")
        #expect(try PostgresConnection(connection: connection).rows("SELECT count(*) FROM pg_namespace WHERE nspname = 'svirt_trace'")
                == [[.integer(0)]])
    }
}
