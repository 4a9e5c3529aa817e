import ArgumentParser

/// Developer tools for benchmarks, kept out of the production binary: an operator never needs
/// them, and they would only widen what `svirt-trace` can be asked to do.
@main
struct SvirtTraceBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svirt-trace-bench",
        abstract: "Benchmark helpers for svirt-trace (tools/bench-query).",
        subcommands: [SeedStore.self, PostgresWrites.self])
}
