import Foundation
import Testing
import Native
import TestSupport

/// What libpq brings through the layer untouched: TLS with the server's certificate and name
/// checked, client certificates and SCRAM passwords (the password file and PG* variables:
/// FleetCommandTests).
/// The server of tools/with-test-postgres refuses plain TCP.
@Suite(.serialized) struct PostgresAuthenticationTests {
    private func withRoles(_ body: (TestPostgresServer, String, String) throws -> Void) throws {
        let server = try TestPostgresServer()
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        let (name, _) = try server.makeDatabase()
        let admin = try PostgresConnection(connection: server.admin)
        let passwordRole = "pw_\(suffix)"
        try admin.execute("CREATE ROLE \(passwordRole) LOGIN PASSWORD 'correct horse \(suffix)'")
        try admin.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'svirt_cert_client') THEN CREATE ROLE svirt_cert_client LOGIN; END IF; END $$")
        defer {
            server.dropDatabase(name)
            try? admin.execute("DROP ROLE IF EXISTS \(passwordRole)")
        }
        try body(server, name, passwordRole)
    }

    private func tcp(_ server: TestPostgresServer, _ database: String, _ extra: String) -> String {
        "host=localhost port=\(server.tcpPort) dbname=\(database) connect_timeout=5 \(extra)"
    }

    private func isTLS(_ connection: PostgresConnection) throws -> Bool {
        try connection.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()") == [[.integer(1)]]
    }

    @Test func verifyFullChecksTheServersCertificateAndName() throws {
        try withRoles { server, database, role in
            let password = "password='correct horse \(role.dropFirst(3))'"
            let good = try PostgresConnection(connection: tcp(server, database, "user=\(role) \(password) sslmode=verify-full sslrootcert=\(server.tlsFolder)/ca.crt"))
            #expect(try isTLS(good))
            // The certificate names localhost and 127.0.0.1: an IP in it verifies too.
            let byAddress = try PostgresConnection(connection: "host=127.0.0.1 port=\(server.tcpPort) dbname=\(database) user=\(role) \(password) sslmode=verify-full sslrootcert=\(server.tlsFolder)/ca.crt")
            #expect(try isTLS(byAddress))
            let wrongCA = #expect(throws: PostgresError.self) {
                try PostgresConnection(connection: tcp(server, database, "user=\(role) \(password) sslmode=verify-full sslrootcert=\(server.tlsFolder)/other-ca.crt"))
            }
            #expect(wrongCA?.message.contains("certificate verify failed") == true, "\(String(describing: wrongCA))")
            #expect(wrongCA?.description.contains("correct horse") == false)
            let plain = #expect(throws: PostgresError.self) {
                try PostgresConnection(connection: tcp(server, database, "user=\(role) \(password) sslmode=disable"))
            }
            #expect(plain?.message.contains("no encryption") == true, "\(String(describing: plain))")
            let wrongPassword = #expect(throws: PostgresError.self) {
                try PostgresConnection(connection: tcp(server, database, "user=\(role) password=nope sslmode=verify-full sslrootcert=\(server.tlsFolder)/ca.crt"))
            }
            #expect(wrongPassword?.message.contains("password authentication failed") == true)
        }
    }

    @Test func aClientCertificateLogsInWithoutAPassword() throws {
        try withRoles { server, database, _ in
            let tls = server.tlsFolder
            let session = try PostgresConnection(connection: tcp(server, database,
                "user=svirt_cert_client sslmode=verify-full sslrootcert=\(tls)/ca.crt sslcert=\(tls)/client.crt sslkey=\(tls)/client.key"))
            #expect(try session.rows("SELECT client_dn FROM pg_stat_ssl WHERE pid = pg_backend_pid()") == [["/CN=svirt_cert_client"]])
            #expect(session.user == "svirt_cert_client")
            // Without the certificate the same role is refused.
            #expect(throws: PostgresError.self) {
                try PostgresConnection(connection: tcp(server, database, "user=svirt_cert_client sslmode=verify-full sslrootcert=\(tls)/ca.crt"))
            }
        }
    }
}
