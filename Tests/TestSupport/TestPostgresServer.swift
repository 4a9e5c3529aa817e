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

    public init() throws {
        guard let admin = ProcessInfo.processInfo.environment["SVIRT_TRACE_TEST_POSTGRES"], !admin.isEmpty else { throw Missing() }
        self.admin = admin
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
