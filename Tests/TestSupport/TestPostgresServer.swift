import Foundation
import Native

/// The throwaway server of tools/with-test-postgres (SVIRT_TRACE_TEST_POSTGRES). Each test makes
/// a database of its own and drops it at the end. A missing server fails the test: the
/// PostgreSQL tests are never skipped.
public struct TestPostgresServer {
    public let admin: String

    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "SVIRT_TRACE_TEST_POSTGRES is not set: run the tests under tools/with-test-postgres (README's test command does)"
        }
    }

    /// The same server on 127.0.0.1, TLS only: svirt_cert_client by client certificate, other
    /// roles by SCRAM password.
    public let tcpPort: String
    /// ca.crt (signs the server's and the client's), client.crt and client.key, other-ca.crt.
    public let tlsFolder: String

    public init() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let admin = environment["SVIRT_TRACE_TEST_POSTGRES"], !admin.isEmpty else { throw Missing() }
        self.admin = admin
        tcpPort = environment["SVIRT_TRACE_TEST_POSTGRES_TCP_PORT"] ?? ""
        tlsFolder = environment["SVIRT_TRACE_TEST_POSTGRES_TLS"] ?? ""
    }

    /// A new empty database; returns its connection string (the admin's, with its dbname).
    public func makeDatabase() throws -> (name: String, connection: String) {
        let name = "svt_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresConnection(connection: admin).execute("CREATE DATABASE \(name)")
        return (name, "\(admin) dbname=\(name)")
    }

    public func dropDatabase(_ name: String) {
        try? PostgresConnection(connection: admin).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
