import ArgumentParser
import Store
import Formatting
import Reports
import Native

/// `NODE:SERIAL` or `SERIAL` with `--time`, shared by evidence and explain.
struct EventIDArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("Event ID: NODE:SERIAL, or SERIAL (add --time when serials repeat), or the id of an alert watch gave (NODE/SECONDS.MMM:SERIAL/RULE; one of a log without node= begins with a dash: give it after --).", valueName: "id"))
    var id: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Pick the event with this serial closest to TIME.", discussion: TimeWords.help, valueName: "time"))
    var time: String?

    func validate() throws {
        guard EventReference.parse(id) != nil else { throw ValidationError("\"\(id)\" is not an event ID: use NODE:SERIAL, SERIAL or an alert's id") }
    }

    /// Serials restart at each boot and repeat across nodes: when the ID named several events,
    /// all were printed, and this says how to pick one.
    func noteRepeats(_ times: Set<ExactText>) {
        guard times.count > 1, time == nil else { return }
        Console.error("note: \(times.count) events have the ID \(id) (audit serials repeat across reboots and nodes); "
                      + "NODE:SERIAL picks a node's, --time TIME the one closest to TIME")
    }

    func reference() throws -> EventReference {
        // An alert's id holds its event's time, which --time (if given) overrides.
        let given = try time.map(TimeWords.parse)
        guard var reference = EventReference.parse(id, time: given) else {
            throw ValidationError("\"\(id)\" is not an event ID: use NODE:SERIAL, SERIAL or an alert's id")
        }
        if let given {
            reference.time = given
            reference.isExact = false
        }
        return reference
    }
}

extension SvirtTrace.Query {
    struct Evidence: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence",
            abstract: "The stored raw records of one event, exactly as logged, then as ausearch -i shows them.",
            discussion: """
                Prose, on a terminal and in a pipe alike; --format json, jsonl or csv for keys.

                KEYS (json, jsonl, csv; one record per row)
                  id, time, seq, type, line (in its source), source (file), raw, interpreted.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions
        @OptionGroup var event: EventIDArguments

        func run() throws {
            let query = EvidenceQuery(reference: try event.reference())
            var times: Set<ExactText> = []
            try output.print(keys: EvidenceQuery.keys, table: nil, database: database, text: { rows in
                // One block per event: a serial that repeats (a reboot, another node) names several.
                var events: [[OutputRow]] = []
                for row in rows {
                    // By bytes: the IDs of two hosts spelt in two normalizations are two events.
                    let key = [row.text("id"), row.text("time"), row.text("source")].map(ExactText.init)
                    if let last = events.last?.first, [last.text("id"), last.text("time"), last.text("source")].map(ExactText.init) == key {
                        events[events.count - 1].append(row)
                    } else {
                        events.append([row])
                    }
                }
                return events.map { records in
                    let first = records[0]
                    var text = "event \(first.text("id")) at \(first.text("time")) from \(first.text("source"))\n\nraw:\n"
                    for row in records { text += "  line \(row.text("line")): \(row.text("raw"))\n" }
                    text += "\ninterpreted:\n"
                    for row in records { text += "  \(row.text("interpreted"))\n" }
                    return text
                }.joined(separator: "\n")
            }) { db, emit in
                try query.run(db) { row in
                    times.insert(ExactText(row.text("id") + " " + row.text("time")))
                    try emit(row)
                }
            }
            event.noteRepeats(times)
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "Why the kernel denied one event, and what to do about it.",
            discussion: """
                For a guest that reached outside its own label (cross-guest, guest-host, unknown \
                labels) the advice is to investigate and isolate, never to write an allow rule: the \
                denial is sVirt isolation working.

                Prose, on a terminal and in a pipe alike; --format json, jsonl or csv for keys, or -o \
                FIELD,... for a table of them.

                KEYS
                  id, time, kind, source_vm, target_vm, scontext, tcontext, tclass, perms, permissive, \
                boolean, reason, advice (array), node, serial, source_uuid, target_uuid, source_vms, \
                source_uuids, target_vms, target_uuids (arrays: every candidate on a label \
                collision), pid, comm, exe, path.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions
        @OptionGroup var event: EventIDArguments

        func run() throws {
            let query = ExplainQuery(reference: try event.reference())
            var times: Set<ExactText> = []
            try output.print(keys: ExplainQuery.keys, table: nil, database: database, text: { rows in
                rows.map { row in
                    var text = "\(row.text("id")) \(row.text("time")) \(row.text("kind")): "
                        + "\(row.guest("source")) -> \(row.guest("target"))\n"
                    text += "  \(row.text("scontext")) -> \(row.text("tcontext")) \(row.text("tclass")) { \(row.text("perms")) }\n"
                    text += "  node \(row.text("node"))  pid \(row.text("pid"))  comm \(row.text("comm"))  exe \(row.text("exe"))\n"
                    text += "  path \(row.text("path"))\n\n"
                    text += "Why: \(row.text("reason"))\n\nWhat to do:\n"
                    if case .strings(let advice)? = row.first(where: { $0.key == "advice" })?.value {
                        for line in advice { text += "  - \(TerminalText.escape(line))\n" }
                    }
                    return text
                }.joined(separator: "\n")
            }) { db, emit in
                try query.run(db) { row in
                    times.insert(ExactText(row.text("id") + " " + row.text("time")))
                    try emit(row)
                }
            }
            event.noteRepeats(times)
        }
    }
}

extension Array where Element == (key: String, value: OutputValue) {
    /// One side of a denial for prose: "web1 (UUID)", every candidate on a collision, or "-".
    func guest(_ side: String) -> String {
        guard case .strings(let names)? = first(where: { $0.key == side + "_vms" })?.value, !names.isEmpty else {
            return text(side + "_vm")
        }
        let uuids: [String]
        if case .strings(let list)? = first(where: { $0.key == side + "_uuids" })?.value { uuids = list } else { uuids = [] }
        let each = names.enumerated().map { i, name in i < uuids.count ? "\(name) (\(uuids[i]))" : name }
        return TerminalText.escape(names.count == 1 ? each[0] : "one of " + each.joined(separator: ", "))
    }

    /// A value as terminal-safe text, for the prose layouts of evidence and explain.
    func text(_ key: String) -> String {
        switch first(where: { $0.key == key })?.value {
        case .string(let s)?: return TerminalText.escape(s)
        case .int(let i)?: return String(i)
        case .bool(let b)?: return b ? "yes" : "no"
        case .strings(let list)?: return TerminalText.escape(list.joined(separator: " "))
        case .json(let raw)?: return TerminalText.escape(raw)
        case .null?, nil: return "-"
        }
    }
}
