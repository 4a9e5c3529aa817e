import ArgumentParser
import Store

extension SvirtTrace {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask the store who did what to whom.",
            discussion: """
                Queries open the database read-only and never create or change it; they work while \
                ingest writes (WAL).

                OUTPUT
                  --format table (default on a terminal), jsonl (default on a pipe), json (one \
                array) or csv (RFC 4180). Strings from the log are escaped for the terminal in \
                tables; JSON escapes control characters itself.
                """,
            subcommands: [Denials.self, Events.self])
    }
}

/// Options every query subcommand shares.
struct QueryOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("table, json, jsonl or csv.", valueName: "format"))
    var format: OutputFormat?
}

extension QueryOutputOptions {
    /// `--kind` values must be words the store writes; a typo would otherwise match nothing.
    static func validate(kinds: [String], known: [String]) throws {
        for kind in kinds where !known.contains(kind) {
            throw ValidationError("unknown kind \"\(kind)\"; one of: \(known.joined(separator: ", "))")
        }
    }

    /// Runs a query into a writer and maps "nothing matched" to exit status 1, like grep.
    func print(keys: [String], table: RowWriter.TableStyle, database: DatabaseOptions,
               query: (Database, (OutputRow) throws -> Void) throws -> Void) throws {
        let format = OutputFormat.resolved(format, stdoutIsTerminal: Console.stdoutIsTerminal)
        let out = StandardOutput()
        let writer = RowWriter(format: format, keys: keys, table: table, colour: Console.useColour,
                               escapeControls: Console.stdoutIsTerminal, write: out.write)
        do {
            let db = try Database(path: database.path, access: .readOnly,
                                  busyTimeoutMilliseconds: database.busyTimeoutMilliseconds)
            try query(db) { writer.add($0) }
        } catch {
            out.flush()
            Console.error("\(error)")
            throw ExitCode(SvirtTrace.Status.database)
        }
        writer.finish()
        out.flush()
        if writer.rowCount == 0 { throw ExitCode(SvirtTrace.Status.noMatch) }
    }
}
