import ArgumentParser

/// How query results are printed. `table` by default on a terminal, `jsonl` on a pipe.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv

    static func resolved(_ chosen: OutputFormat?, stdoutIsTerminal: Bool) -> OutputFormat {
        chosen ?? (stdoutIsTerminal ? .table : .jsonl)
    }
}
