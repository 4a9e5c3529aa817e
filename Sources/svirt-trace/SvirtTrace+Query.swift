import ArgumentParser
import Store
import Formatting

extension SvirtTrace {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask the store who did what to whom.",
            discussion: """
                Queries open the database read-only and never create or change it; they work while \
                ingest writes (WAL). A foreign or newer database is refused untouched.

                READ-ONLY MEDIA
                  \(ReadOnlyMediaOption.discussion)

                OUTPUT
                  --format table (default on a terminal), jsonl (default on a pipe), json (one \
                array) or csv (RFC 4180). Strings from the log are escaped for the terminal in \
                tables and CSV; JSON escapes control characters itself. \(RowWriter.formatHelp)

                EXIT STATUS
                  0 results; 1 nothing matched (or no such guest or event); 2 usage error; 4 database error.
                """,
            subcommands: [CrossGuest.self, WhoTouched.self, Guest.self, Label.self, Denials.self, Events.self,
                          Evidence.self, Explain.self, Stats.self, Posture.self, Coverage.self])
    }
}

/// Options every query subcommand shares.
struct QueryOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("table, json, jsonl or csv.", discussion: RowWriter.formatHelp, valueName: "format"))
    var format: OutputFormat?

    @OptionGroup var media: ReadOnlyMediaOption
}

extension QueryOutputOptions {
    /// `--kind` values must be words the store writes; a typo would otherwise match nothing.
    static func validate(kinds: [String], known: [String]) throws {
        for kind in kinds where !known.contains(kind) {
            throw ValidationError("unknown kind \"\(kind)\"; one of: \(known.joined(separator: ", "))")
        }
    }

    /// Runs a query into a writer and maps "nothing matched" to exit status 1, like grep.
    /// - Parameters:
    ///   - table: the columns of the table layout, or nil when `text` lays the rows out as prose.
    ///   - text: the terminal layout for reports that read better as text (evidence, explain).
    func print(keys: [String], table: RowWriter.TableStyle?, database: DatabaseOptions,
               text: (([OutputRow]) -> String)? = nil,
               query: (Database, (OutputRow) throws -> Void) throws -> Void) throws {
        let format = OutputFormat.resolved(format, stdoutIsTerminal: Console.stdoutIsTerminal)
        let out = StandardOutput()
        let prose = format == .table && (table == nil || text != nil)
        let writer = RowWriter(format: format, keys: keys, table: table ?? .init(columns: keys), colour: Console.useColour,
                               write: out.write,
                               writeBytes: { out.write(bytes: $0) })
        var buffered: [OutputRow] = []
        do {
            let db = try media.open(database)
            try query(db) { row in
                if prose { buffered.append(row) } else { writer.add(row) }
            }
        } catch let error as StoreError {
            out.flush()
            Console.error("\(error)")
            switch error {
            case .noSuchGuest, .noSuchEvent: throw ExitCode(SvirtTrace.Status.noMatch)
            default: throw ExitCode(SvirtTrace.Status.database)
            }
        } catch {
            out.flush()
            Console.error("\(error)")
            throw ExitCode(SvirtTrace.Status.database)
        }
        if prose, let text {
            out.write(text(buffered))
            out.flush()
            if buffered.isEmpty { throw ExitCode(SvirtTrace.Status.noMatch) }
            return
        }
        writer.finish()
        out.flush()
        if writer.rowCount == 0 { throw ExitCode(SvirtTrace.Status.noMatch) }
    }
}
