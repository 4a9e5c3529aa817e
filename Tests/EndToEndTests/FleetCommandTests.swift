import Foundation
import Testing
import Native
import TestSupport

/// `svirt-trace fleet` through the binary, against the throwaway server of tools/with-test-postgres.
@Suite struct FleetCommandTests {
    private struct Store {
        let server: TestPostgresServer
        let name: String
        let admin: String
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()

        init() throws {
            server = try TestPostgresServer()
            (name, admin) = try server.makeDatabase()
        }

        func makeRole(_ role: String) throws {
            let db = try PostgresConnection(connection: admin)
            let statement = try db.rows("SELECT format('CREATE ROLE %I LOGIN', $1::text)", [.text(role)])[0][0].string!
            try db.execute(statement)
        }

        func tearDown(roles: [String]) {
            server.dropDatabase(name)
            guard let db = try? PostgresConnection(connection: server.admin) else { return }
            for role in roles {
                if let statement = try? db.rows("SELECT format('DROP ROLE IF EXISTS %I', $1::text)", [.text(role)]).first?.first?.string {
                    try? db.execute(statement)
                }
            }
        }

        func fleet(_ arguments: [String], as role: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
            let connection = role.map { "\(admin) user=\($0)" } ?? admin
            return try Binary.run(["fleet"] + arguments + ["--db", connection, "--config", "/dev/null"])
        }
    }

    private struct Status: Decodable {
        struct Role: Decodable, Equatable { var role: String; var nodes: [String]; var writer: Bool; var reader: Bool }
        var schema_version: Int
        var supported_version: Int
        var roles: [Role]
    }

    /// The status, with only this test's roles: group membership belongs to the whole cluster,
    /// where other tests make roles of their own at the same time.
    private func status(_ store: Store, as role: String? = nil) throws -> Status {
        let run = try store.fleet(["status", "--json"], as: role)
        #expect(run.status == 0, "\(run.stderr)")
        var status = try JSONDecoder().decode(Status.self, from: Data(run.stdout.utf8))
        status.roles = status.roles.filter { $0.role.hasSuffix(store.suffix) }
        return status
    }

    @Test func anAdministratorSetsUpWritersAndReadersThatTheStoreThenEnforces() throws {
        let store = try Store()
        let host = "host_a_\(store.suffix)", auditor = "auditor_\(store.suffix)", collector = "collector_\(store.suffix)"
        defer { store.tearDown(roles: [host, auditor, collector]) }
        for role in [host, auditor, collector] { try store.makeRole(role) }

        #expect(try store.fleet(["migrate"]).status == 0)
        let granted = try store.fleet(["grant-writer", host, "--node", "kvm-a", "--node", "kvm-a2"])
        #expect(granted.status == 0 && granted.stderr.contains("\(host): writes nodes kvm-a, kvm-a2"), "\(granted.stderr)")
        let central = try store.fleet(["grant-writer", collector, "--all-nodes"])
        #expect(central.status == 0 && central.stderr.contains("\(collector): writes every node (*)"), "\(central.stderr)")
        let reader = try store.fleet(["grant-reader", auditor])
        #expect(reader.status == 0 && reader.stderr.contains("\(auditor): reads every node"), "\(reader.stderr)")
        // Again: nothing doubles.
        #expect(try store.fleet(["grant-writer", host, "--node", "kvm-a"]).status == 0)

        let seen = try status(store, as: auditor)
        #expect(seen.schema_version == seen.supported_version)
        #expect(seen.roles == [.init(role: auditor, nodes: [], writer: false, reader: true),
                               .init(role: collector, nodes: ["*"], writer: true, reader: false),
                               .init(role: host, nodes: ["kvm-a", "kvm-a2"], writer: true, reader: false)])

        // What the grants mean, through the host's own login.
        let hostSession = try PostgresConnection(connection: "\(store.admin) user=\(host)")
        let spool = try hostSession.rows("INSERT INTO svirt_trace.spools (node, host) VALUES ('kvm-a', 'hv') RETURNING id")[0][0]
        try hostSession.run("INSERT INTO svirt_trace.node_activity VALUES ($1, 'kvm-a', 1, 1)", [spool])
        let forged = #expect(throws: PostgresError.self) { try hostSession.run("INSERT INTO svirt_trace.node_activity VALUES ($1, 'kvm-b', 1, 1)", [spool]) }
        #expect(forged?.isPermissionDenied == true)

        // A writer cannot hand itself more nodes through the command.
        let escalation = try store.fleet(["grant-writer", host, "--node", "kvm-b"], as: host)
        #expect(escalation.status == 4)
        #expect(escalation.stderr.contains("error 42501"))

        // Revoking one node, then everything.
        #expect(try store.fleet(["revoke", host, "--node", "kvm-a2"]).status == 0)
        #expect(try status(store).roles.first { $0.role == host }?.nodes == ["kvm-a"])
        #expect(try store.fleet(["revoke", host]).status == 0)
        #expect(try status(store).roles.contains { $0.role == host } == false)
        let revoked = #expect(throws: PostgresError.self) { try hostSession.run("INSERT INTO svirt_trace.node_activity VALUES ($1, 'kvm-a2', 2, 2)", [spool]) }
        #expect(revoked?.isPermissionDenied == true)
    }

    @Test func mistakesAreRefusedWithTheirReasonAndNothingIsPrintedRaw() throws {
        let store = try Store()
        let hostile = "evil\"\u{1B}[31m<b>'; DROP TABLE x; --_\(store.suffix)"
        defer { store.tearDown(roles: [hostile]) }
        #expect(try store.fleet(["migrate"]).status == 0)

        let missing = try store.fleet(["grant-writer", "nobody_\(store.suffix)", "--node", "kvm-a"])
        #expect(missing.status == 4)
        #expect(missing.stderr.contains("no role \"nobody_\(store.suffix)\""))
        for bad in [["--node", "*"], ["--node", " "], ["--node", "a\nb"], [], ["--node", "a", "--all-nodes"], ["--node", " lead"],
                    ["--node", String(repeating: "n", count: 1_025)]] {
            let run = try store.fleet(["grant-writer", "whoever"] + bad)
            #expect(run.status == 2, "\(bad): \(run.stderr)")
        }
        #expect(try store.fleet(["revoke", "whoever", "--node", ""]).status == 2)
        let typo = try store.fleet(["revoke", "nobody_\(store.suffix)"])
        #expect(typo.status == 4)
        #expect(typo.stderr.contains("no role"))

        // Roles the policies would not hold, or would give more, are refused.
        let bypass = "bypass_\(store.suffix)", both = "both_\(store.suffix)"
        try store.makeRole(bypass)
        try store.makeRole(both)
        defer { store.tearDown(roles: [bypass, both]) }
        try PostgresConnection(connection: store.admin).execute("ALTER ROLE \(bypass) BYPASSRLS")
        #expect(try store.fleet(["grant-writer", both, "--node", "kvm-a"]).status == 0)
        // Rights flow to a role's members: a group holding a writer, or a member of the tables'
        // owner (whom the policies do not hold), is refused as well.
        let team = "team_\(store.suffix)", ownerMember = "ownermember_\(store.suffix)"
        try store.makeRole(team)
        try store.makeRole(ownerMember)
        defer { store.tearDown(roles: [team, ownerMember]) }
        let superuser = try PostgresConnection(connection: store.admin)
        let owner = try superuser.rows("SELECT relowner::regrole::text FROM pg_class WHERE oid = 'svirt_trace.audit_events'::regclass")[0][0].string!
        try superuser.execute("GRANT \(team) TO \(both); GRANT \(owner) TO \(ownerMember)")
        for (attempt, reason) in [(["grant-writer", "svirt_trace_reader", "--all-nodes"], "one of svirt-trace's groups"),
                                  (["grant-reader", "svirt_trace_writer"], "one of svirt-trace's groups"),
                                  (["grant-writer", "postgres", "--node", "kvm-a"], "superuser"),
                                  (["grant-reader", bypass], "BYPASSRLS"),
                                  (["grant-reader", both], "is a member of svirt_trace_writer"),
                                  (["grant-reader", team], "a role that is a member of it, is a member of svirt_trace_writer"),
                                  (["grant-writer", ownerMember, "--node", "kvm-a"], "member of their owner")] {
            let run = try store.fleet(attempt)
            #expect(run.status == 4, "\(attempt): \(run.stderr)")
            #expect(run.stderr.contains(reason), "\(attempt): \(run.stderr)")
        }
        let groups = try PostgresConnection(connection: store.admin).rows("""
            SELECT count(*) FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
            WHERE g.rolname LIKE 'svirt_trace_%' AND m.rolname IN ('svirt_trace_writer', 'svirt_trace_reader', 'postgres', $1)
            """, [.text(bypass)])
        #expect(groups == [[.integer(0)]])

        try store.makeRole(hostile)
        #expect(try store.fleet(["grant-writer", hostile, "--node", "kvm-\u{1B}]0;x\u{7}"]).status == 0)
        let text = try store.fleet(["status"])
        #expect(text.status == 0)
        #expect(!text.stdout.contains("\u{1B}") && !text.stdout.contains("\u{7}"))
        #expect(try status(store).roles.first { $0.role == hostile } == .init(role: hostile, nodes: ["kvm-\u{1B}]0;x\u{7}"], writer: true, reader: false))
        // The role name went through the server's quoting: the table it named is not dropped.
        #expect(try PostgresConnection(connection: store.admin).rows("SELECT to_regclass('svirt_trace.node_activity') IS NOT NULL") == [[.integer(1)]])
    }

    @Test func passwordsAreNeverPrintedAndPruneRefusesAFleetStore() throws {
        let store = try Store()
        defer { store.tearDown(roles: []) }
        // Trust authentication ignores the password; it must still not appear anywhere.
        let run = try Binary.run(["fleet", "migrate", "--db", "\(store.admin) password=sekrit-42", "--config", "/dev/null"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("password=***"))
        #expect(!(run.stdout + run.stderr).contains("sekrit-42"))
        let unreachable = try Binary.run(["fleet", "status", "--db", "postgresql://u:sekrit-42@127.0.0.1:1/x?connect_timeout=2", "--config", "/dev/null"])
        #expect(unreachable.status == 4)
        #expect(unreachable.stderr.contains("cannot connect to PostgreSQL"))
        #expect(!unreachable.stderr.contains("sekrit-42"))

        // query and digest read the fleet store; one they cannot reach is a database error (4)
        // that names it without its password. (prune: FleetRetentionTests.)
        for command in [["query", "denials"], ["digest", "--period", "day"]] {
            let away = try Binary.run(command + ["--db", "postgresql://u:sekrit-42@127.0.0.1:1/d?connect_timeout=2", "--config", "/dev/null"])
            #expect(away.status == 4, "\(command): \(away.stderr)")
            #expect(away.stderr.contains("cannot connect to PostgreSQL"), "\(command): \(away.stderr)")
            #expect(!(away.stdout + away.stderr).contains("sekrit-42"), "\(command)")
        }
        // The config file's database: takes a connection string too, and never echoes one it
        // cannot take.
        let folder = try Fixtures.temporaryFolder("fleet-config")
        let config = folder.appendingPathComponent("svirt-trace.conf").path
        try "database: \"\(store.admin) password=sekrit-42\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)
        let viaConfig = try Binary.run(["fleet", "status", "--config", config])
        #expect(viaConfig.status == 0, "\(viaConfig.stderr)")
        #expect(viaConfig.stdout.contains("password=***") && !(viaConfig.stdout + viaConfig.stderr).contains("sekrit-42"))
        let checked = try Binary.run(["config", "check", config])
        #expect(checked.status == 0 && checked.stdout.contains("password=***") && !checked.stdout.contains("sekrit-42"), "\(checked.stdout)")
        try "database: \"pgsql:u:sekrit-42@h\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let badConfig = try Binary.run(["fleet", "status", "--config", config])
        #expect(badConfig.status == 2, "\(badConfig.stderr)")
        #expect(badConfig.stderr.contains("is not shown") && !badConfig.stderr.contains("sekrit-42"))
        for mistyped in ["POSTGRESQL://u:sekrit-42@h/d", " postgresql://u:sekrit-42@h/d", "host\n=x password=sekrit-42"] {
            let run = try Binary.run(["fleet", "status", "--db", mistyped, "--config", "/dev/null"])
            #expect(!(run.stdout + run.stderr).contains("sekrit-42"), "\(mistyped): \(run.stderr)")
        }

        // Not taken for a relative file name either (the child runs in this process's folder).
        #expect(!FileManager.default.fileExists(atPath: "postgresql:"))
    }

    @Test func thePasswordFileAndPGVariablesAreRead() throws {
        let server = try TestPostgresServer()
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        let (database, _) = try server.makeDatabase()
        let admin = try PostgresConnection(connection: server.admin)
        let role = "pw_\(suffix)"
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'correct horse \(suffix)'")
        defer {
            server.dropDatabase(database)
            try? admin.execute("DROP ROLE IF EXISTS \(role)")
        }
        do {
            let folder = try Fixtures.temporaryFolder("pgpass")
            let passfile = folder.appendingPathComponent("pgpass").path
            try "localhost:\(server.tcpPort):\(database):\(role):correct horse \(role.dropFirst(3))\n".write(toFile: passfile, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile)
            // Through the binary, as an operator runs it: only dbname in --db, the rest from PG*.
            let run = try Binary.run(["fleet", "migrate", "--db", "dbname=\(database)", "--config", "/dev/null"], environment: [
                "PGHOST": "localhost", "PGPORT": server.tcpPort, "PGUSER": role, "PGPASSFILE": passfile,
                "PGSSLMODE": "verify-full", "PGSSLROOTCERT": "\(server.tlsFolder)/ca.crt",
            ])
            // The role may not create the schema in a database it does not own: the login worked
            // and the server said why it refused.
            #expect(run.status == 4, "\(run.stderr)")
            #expect(run.stderr.contains("permission denied"), "\(run.stderr)")
            #expect(!run.stderr.contains("correct horse"))
            let unreadable = try Binary.run(["fleet", "migrate", "--db", "dbname=\(database)", "--config", "/dev/null"], environment: [
                "PGHOST": "localhost", "PGPORT": server.tcpPort, "PGUSER": role, "PGPASSFILE": "/nonexistent",
                "PGSSLMODE": "verify-full", "PGSSLROOTCERT": "\(server.tlsFolder)/ca.crt",
            ])
            #expect(unreadable.status == 4)
            #expect(unreadable.stderr.contains("cannot connect to PostgreSQL"), "\(unreadable.stderr)")
        }
    }

    /// GSSAPI (Kerberos): the throwaway server's realm of tools/with-test-postgres, its client
    /// principal's keytab given as a service's would be (KRB5_CLIENT_KTNAME, no kinit). Both of
    /// libpq's ways to carry it: GSSAPI's own encryption, and TLS with the server's name checked.
    @Test func aWriterLogsInByKerberosAndItsRowsLand() throws {
        let store = try Store()
        defer { store.tearDown(roles: []) }
        let server = store.server
        let realm = try #require(ProcessInfo.processInfo.environment["SVIRT_TRACE_TEST_POSTGRES_KRB5"], "run under tools/with-test-postgres")
        let admin = try PostgresConnection(connection: store.admin)
        // The principal's role is the cluster's, shared with any other run of this test.
        try admin.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'svirt_gss_client') THEN CREATE ROLE svirt_gss_client LOGIN; END IF; END $$")
        #expect(try store.fleet(["migrate"]).status == 0)
        #expect(try store.fleet(["grant-writer", "svirt_gss_client", "--node", "kvm-gss"]).status == 0)

        let folder = try Fixtures.temporaryFolder("gss")
        let kerberos = ["KRB5_CONFIG": "\(realm)/krb5.conf", "KRB5_CLIENT_KTNAME": "\(realm)/client.keytab",
                        "KRB5CCNAME": "FILE:\(folder.path)/ccache"]
        let tcp = "host=localhost port=\(server.tcpPort) dbname=\(store.name) user=svirt_gss_client connect_timeout=10"
        let sample = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--node", "kvm-gss",
                                     "--spool", folder.appendingPathComponent("spool.db").path,
                                     "--db", "\(tcp) gssencmode=require", sample], environment: kerberos)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // The rows are there, written by the principal's role (the spool's maker).
        #expect(try admin.rows("SELECT made_by FROM svirt_trace.spools") == [["svirt_gss_client"]])
        let stored = try admin.rows("SELECT count(*) FROM svirt_trace.audit_events WHERE node = 'kvm-gss'")[0][0].int64 ?? 0
        #expect(stored > 0)

        // GSSAPI over TLS (verify-full), without GSSAPI's own encryption.
        let overTLS = try Binary.run(["fleet", "status", "--json", "--config", "/dev/null", "--db",
                                      "\(tcp) gssencmode=disable sslmode=verify-full sslrootcert=\(server.tlsFolder)/ca.crt"],
                                     environment: kerberos)
        #expect(overTLS.status == 0, "\(overTLS.stderr)")
        #expect(overTLS.stdout.contains("svirt_gss_client"), "\(overTLS.stdout)")

        // No key, no login: libpq's reason, and the writer's exit status for an unreachable store.
        let keyless = try Binary.run(["fleet", "status", "--config", "/dev/null", "--db", "\(tcp) gssencmode=require"], environment: [
            "KRB5_CONFIG": "\(realm)/krb5.conf", "KRB5_CLIENT_KTNAME": "\(folder.path)/no.keytab",
            "KRB5CCNAME": "FILE:\(folder.path)/no-ccache",
        ])
        #expect(keyless.status == 4, "\(keyless.stderr)")
        #expect(keyless.stderr.contains("cannot connect to PostgreSQL") && keyless.stderr.contains("GSSAPI"), "\(keyless.stderr)")
    }
}
