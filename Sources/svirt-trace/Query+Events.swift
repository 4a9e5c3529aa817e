import ArgumentParser
import Findings
import Store

extension SvirtTrace.Query {
    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Guest lifecycle, label collisions and policy changes.",
            discussion: """
                KEYS
                  node, time (null for guests bootstrapped from status XML), serial, kind, vm, uuid, \
                label, detail (a JSON object whose keys depend on the kind).

                KINDS
                  domain-start, domain-stop, label-collision, enforcing-change, boolean-change, \
                policy-load, selinux-error.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only these kinds (repeatable).", valueName: "kind"))
        var kind: [String] = []

        func validate() throws {
            try QueryOutputOptions.validate(kinds: kind, known: EventKind.allCases.map(\.rawValue))
        }

        func run() throws {
            let table = RowWriter.TableStyle(columns: ["time", "node", "kind", "vm", "label", "detail"],
                                             maximumWidth: 60, colourKey: "kind")
            try output.print(keys: EventQuery.keys, table: table, database: database) { db, emit in
                try EventQuery(kinds: kind).run(db, row: emit)
            }
        }
    }
}
