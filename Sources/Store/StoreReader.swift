import Native
import Findings

/// What `query` and `digest` read: a host's SQLite store or the fleet's PostgreSQL store, behind
/// one connection type, so that each report is one text for both and their answers match.
public final class StoreReader {
    public let connection: any SQLReader
    /// The fleet store's name (its --db with any password hidden), nil for an SQLite store.
    public let fleetName: String?
    /// What the operator should hear about this open (an immutable open's unseen -wal).
    public let warnings: [String]
    private let keepAlive: AnyObject

    public init(_ database: Database) {
        connection = database.connection
        fleetName = nil
        warnings = database.warnings
        keepAlive = database
    }

    public init(_ fleet: FleetDatabase) throws {
        do {
            connection = try PostgresReadConnection(fleet.connection)
        } catch let error as PostgresError {
            throw StoreError.postgres(database: fleet.name, error)
        }
        fleetName = fleet.name
        warnings = []
        keepAlive = fleet
    }

    /// Every coverage mark stored, in the order they were stored.
    public func coverageMarks() throws -> [CoverageMark] {
        try CoverageWriter.load(connection)
    }
}
