import ArgumentParser
import Store
import Formatting
import Reports

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
            subcommands: [CrossGuest.self, WhoTouched.self, Guest.self, Guests.self, Label.self, Denials.self, Events.self,
                          Evidence.self, Explain.self, Stats.self, Posture.self, Coverage.self])
    }
}

/// Options every query subcommand shares.
struct QueryOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("table, json, jsonl or csv.", discussion: RowWriter.formatHelp, valueName: "format"))
    var format: OutputFormat?

    @Flag(help: ArgumentHelp("Show times in UTC (ISO-8601) in tables and prose, not local time.",
                             discussion: "On a terminal, tables and prose show local time with its offset ($TZ, else /etc/localtime), "
                                 + "e.g. 2025-11-25 04:47:25.261 +01:00; off a terminal, and always in JSON and CSV, ISO-8601 UTC."))
    var utc = false

    @OptionGroup var media: ReadOnlyMediaOption

    /// How tables and prose show times: local on a terminal unless --utc.
    var timeDisplay: TimeDisplay {
        utc || !Console.stdoutIsTerminal ? .utc : .local
    }
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
        writer.timeDisplay = timeDisplay
        var buffered: [OutputRow] = []
        do {
            let db = try media.open(database)
            try query(db) { row in
                if prose { buffered.append(row) } else { writer.add(row) }
            }
        } catch let error as GuestNotFound {
            out.flush()
            Console.error("\(error)")
            throw ExitCode(SvirtTrace.Status.noMatch)
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
            let display = timeDisplay
            out.write(text(buffered.map { row in
                row.map { field in
                    guard case .string(let value) = field.value else { return field }
                    return (field.key, .string(display.render(key: field.key, text: value)))
                }
            }))
            out.flush()
            if buffered.isEmpty { throw ExitCode(SvirtTrace.Status.noMatch) }
            return
        }
        writer.finish()
        out.flush()
        if writer.rowCount == 0 { throw ExitCode(SvirtTrace.Status.noMatch) }
    }
}
