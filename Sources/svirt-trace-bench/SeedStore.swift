import ArgumentParser
import Foundation
import Ingest
import Store

/// Builds a large store for tools/bench-query from a generated log, through the same reader,
/// correlator and writer as `svirt-trace ingest`.
struct SeedStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-store",
        abstract: "Fill a database with a generated year of hypervisor denials.")

    @Option(help: "SQLite database path (created when missing).")
    var db: String

    @Option(help: "Denial events to generate.")
    var denials = 5_000_000

    @Option(help: "Hypervisor nodes.")
    var nodes = 3

    @Option(help: "Guest lifetimes in all.")
    var lifetimes = 2000

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Flag(help: "Make the database a fleet spool of every node, to ship into a PostgreSQL store afterwards (svirt-trace ingest --db CONNECTION --spool PATH /dev/null).")
    var fleetSpool = false

    func validate() throws {
        guard !db.isEmpty, denials > 0, nodes > 0, lifetimes >= 2 * nodes else {
            throw ValidationError("need --db, denials > 0, nodes > 0 and lifetimes >= 2 × nodes")
        }
    }

    func run() throws {
        do {
            let database = fleetSpool ? try FleetSpool.open(path: db, tag: "*", busyTimeoutMilliseconds: 10_000)
                : try Database(path: db, access: .readWrite)
            let session = try IngestSession(database: database)
            let log = SyntheticHypervisorLog(denials: denials, nodes: nodes, lifetimes: lifetimes, seed: seed)
            try session.ingest(.source(log))
            FileHandle.standardError.write(Data((session.summary.line + "\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("svirt-trace-bench: \(error)\n".utf8))
            throw ExitCode(3)
        }
    }
}
