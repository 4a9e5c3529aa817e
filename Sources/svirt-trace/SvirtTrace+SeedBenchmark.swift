import ArgumentParser
import Foundation
import Ingest
import Store

extension SvirtTrace {
    /// Builds a large store for tools/bench-query from a generated log, through the same reader,
    /// correlator and writer as `ingest`. Hidden: a developer tool, not an operator command.
    struct SeedBenchmark: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seed-benchmark",
            abstract: "Fill a database with a generated year of hypervisor denials (for tools/bench-query).",
            shouldDisplay: false)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Denial events to generate.")
        var denials = 5_000_000

        @Option(help: "Hypervisor nodes.")
        var nodes = 3

        @Option(help: "Guest lifetimes in all.")
        var lifetimes = 2000

        @Option(help: "Random seed.")
        var seed: UInt64 = 1

        func validate() throws {
            guard denials > 0, nodes > 0, lifetimes >= 2 * nodes else {
                throw ValidationError("need denials > 0, nodes > 0 and lifetimes >= 2 × nodes")
            }
        }

        func run() throws {
            do {
                let db = try Database(path: database.path, access: .readWrite,
                                      busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
                let session = try IngestSession(database: db)
                let log = SyntheticHypervisorLog(denials: denials, nodes: nodes, lifetimes: lifetimes, seed: seed)
                try session.ingest(.source(log))
                Console.status(session.summary.line)
            } catch {
                Console.error("\(error)")
                throw ExitCode(Status.database)
            }
        }
    }
}
