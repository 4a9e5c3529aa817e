import ArgumentParser
import Store
import Formatting
import Native
import Reports

extension SvirtTrace {
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "Ask the store who did what to whom.",
            discussion: """
                Queries open the database read-only and never create or change it; they work while \
                ingest writes (WAL). A foreign or newer database is refused untouched.

                READ-ONLY MEDIA
                  \(ReadOnlyMediaOption.discussion)

                OUTPUT
                  --format table (default on a terminal), jsonl (default on a pipe), json (one \
                array) or csv (RFC 4180; a list as words joined by a space). explain and evidence \
                print prose, and guest a table, in a pipe too; --format asks for keys. Strings from \
                the log are escaped for the terminal in tables and CSV; JSON escapes control \
                characters itself. \(RowWriter.formatHelp)
                  Tables fit the terminal's width (else $COLUMNS, else 80): the widest columns \
                end in "…" (times and IDs are never cut); --wide prints every cell whole. \
                -o/--output FIELD,... picks and orders the keys of every format; -n/--limit N and \
                --reverse (newest first) cut and turn the rows.
                  Every JSON key has one type; the JSON Schema of each output is in the source \
                tree's schema/json folder.

                EXIT STATUS
                  0 results; 1 nothing matched ("<no matches>" on stderr; or no such guest or \
                event); 2 usage error (--since later than --until, an unknown -o field); 4 database \
                error. A --node the store does not know is a warning that lists the known nodes. \
                A window (--since, --until) or instant (--at) that reaches into stamps a node's \
                clock stepping back made repeat is a note on stderr: events stamped there were \
                logged on both sides of the step.
                """,
            subcommands: [CrossGuest.self, WhoTouched.self, Guest.self, Guests.self, Label.self, Denials.self, Events.self,
                          Evidence.self, Explain.self, Stats.self, Posture.self, Coverage.self])
    }
}

/// Options every query subcommand shares.
struct QueryOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("table, json, jsonl or csv.", discussion: RowWriter.formatHelp, valueName: "format"))
    var format: OutputFormat?

    @Option(name: [.customShort("o", allowingJoined: true), .customLong("output")],
            help: ArgumentHelp("Only these keys, in this order (comma-separated): table columns, CSV columns, JSON keys.",
                               valueName: "field,..."))
    var fields: String?

    @Flag(name: .long, help: "Tables: print every cell whole instead of fitting the terminal's width.")
    var wide = false

    @Option(name: [.customShort("n", allowingJoined: true), .customLong("limit")], help: ArgumentHelp("At most N rows (after --reverse).", valueName: "n"))
    var limit: Int?

    @Flag(name: .long, help: "Rows in reverse order (newest first for reports in time order); with -n, the last N.")
    var reverse = false

    @Flag(help: ArgumentHelp("Show times in UTC (ISO-8601) in tables and prose, not local time.",
                             discussion: "On a terminal, tables and prose show local time with its offset ($TZ, else /etc/localtime), "
                                 + "e.g. 2025-11-25 04:47:25.261 +01:00; off a terminal, and always in JSON and CSV, ISO-8601 UTC."))
    var utc = false

    @OptionGroup var media: ReadOnlyMediaOption

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

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

    /// Ends a query early once `--limit` rows are out.
    private struct LimitReached: Error {}

    /// Runs a query into a writer and maps "nothing matched" to exit status 1 (with ausearch's
    /// `<no matches>` on standard error), like grep.
    /// - Parameters:
    ///   - table: the columns of the table layout, or nil when `text` lays the rows out as prose.
    ///   - nodes: the `--node` values, checked against the nodes the store knows.
    ///   - readable: the terminal layout (prose or table) even when standard output is a pipe:
    ///     the reports read as prose (explain, evidence, a guest's timeline) stay prose in `| less`.
    ///   - text: the terminal layout for reports that read better as text (evidence, explain).
    func print(keys: [String], table: RowWriter.TableStyle?, database: DatabaseOptions, nodes: [String] = [],
               readable: Bool = false, text: (([OutputRow]) -> String)? = nil,
               query: (StoreReader, (OutputRow) throws -> Void) throws -> Void) throws {
        let fields = try RowWriter.fields(self.fields, keys: keys)
        let format = OutputFormat.resolved(format, stdoutIsTerminal: Console.stdoutIsTerminal || readable || text != nil)
        let out = StandardOutput()
        // `-o` asks for columns: explain and evidence then print a table of them.
        let prose = format == .table && text != nil && fields == nil
        let writer = RowWriter(format: format, keys: keys, fields: fields, table: table ?? .init(columns: keys),
                               colour: Console.useColour, width: wide ? nil : Console.terminalColumns,
                               write: out.write,
                               writeBytes: { out.write(bytes: $0) })
        writer.timeDisplay = timeDisplay
        var buffered: [OutputRow] = []
        var delivered = 0
        func deliver(_ row: OutputRow) {
            delivered += 1
            if prose { buffered.append(row) } else { writer.add(row) }
        }
        // With --reverse the rows wait; with -n as well, only the newest N of them.
        var held: [OutputRow] = []
        do {
            let db = try media.open(database)
            warnAboutUnknown(nodes: nodes, in: db)
            do {
                try query(db) { row in
                    if reverse {
                        held.append(row)
                        if let limit, held.count >= 2 * limit + 1024 { held.removeFirst(held.count - limit) }
                    } else {
                        deliver(row)
                        if let limit, delivered >= limit { throw LimitReached() }
                    }
                }
            } catch is LimitReached {}
            if reverse {
                for row in held.reversed().prefix(limit ?? Int.max) { deliver(row) }
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
        } else {
            writer.finish()
        }
        out.flush()
        if delivered == 0 {
            Console.status("<no matches>")
            throw ExitCode(SvirtTrace.Status.noMatch)
        }
    }

    /// A `--node` the store has never seen matches nothing, most likely a typo: say so and name
    /// the nodes it knows, as the digest does, and let the query run (it may be a node that has
    /// yet to log).
    private func warnAboutUnknown(nodes: [String], in db: StoreReader) {
        guard !nodes.isEmpty, let known = try? KnownNodes.list(db) else { return }
        // By bytes, as the stores match --node: another normalization of a name matches nothing.
        // An empty name is `-` to the stores (rows without node=): not unknown when there are some.
        for node in nodes where !known.contains(where: { ExactText($0) == ExactText(node.isEmpty ? "-" : node) }) {
            Console.error("warning: the store has no node named \"\(node)\" (known: \(ListText.joined(known, separator: ", ")))")
        }
    }
}
