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
    /// The fleet store's connection, which exports its snapshot for a report read in shares,
    /// and how to open more.
    private let fleet: (connection: PostgresReadConnection, recipe: FleetConnectionRecipe)?

    public init(_ database: Database) {
        connection = database.connection
        fleetName = nil
        warnings = database.warnings
        keepAlive = database
        fleet = nil
    }

    public init(_ fleet: FleetDatabase) throws {
        let reader: PostgresReadConnection
        do {
            reader = try PostgresReadConnection(fleet.connection)
        } catch let error as PostgresError {
            throw StoreError.postgres(database: fleet.name, error)
        }
        connection = reader
        fleetName = fleet.name
        warnings = []
        keepAlive = fleet
        self.fleet = (reader, fleet.recipe)
    }

    /// `body` over `count` shares of one reading, in share order. On the fleet store the shares
    /// are read at once, each but the first on a connection of its own that reads in this one's
    /// snapshot (the same rows); a share that cannot be read apart is read on this connection
    /// after the first. In SQLite, one process reading one file, `body` reads the whole.
    public func inShares<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (any SQLReader, ReadShare) throws -> T) throws -> [T] {
        guard count > 1, let fleet else { return [try body(connection, .whole)] }
        guard let snapshot = try fleet.connection.exportSnapshot() else { return [try body(connection, .whole)] }
        let others = (1..<count).map {
            FleetShareReading(share: ReadShare(index: $0, count: count), recipe: fleet.recipe, snapshot: snapshot, body: body)
        }
        for other in others { other.start() }
        // The others run on until they are finished with, whatever the first share gives.
        let first = Result { try body(connection, ReadShare(index: 0, count: count)) }
        var results: [Result<T, Error>] = [first]
        for other in others { results.append(Result { try other.finish(orReadOn: connection) }) }
        return try results.map { try $0.get() }
    }

    /// Every coverage mark stored, in the order they were stored.
    public func coverageMarks() throws -> [CoverageMark] {
        try CoverageWriter.load(connection)
    }
}
