import ArgumentParser
import Findings
import Store
import Reports

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

        @Option(name: .long, help: ArgumentHelp("Only these kinds (repeatable).", valueName: "kind"))
        var kind: [String] = []

        @Option(help: ArgumentHelp("Only events at or after TIME.", discussion: TimeWords.help, valueName: "time"))
        var since: String?

        @Option(help: ArgumentHelp("Only events before TIME.", valueName: "time"))
        var until: String?

        @Option(name: .long, help: ArgumentHelp("Only this node (repeatable); `-` for logs without node=.", valueName: "node"))
        var node: [String] = []

        @Option(name: .long, help: ArgumentHelp("Only events of this guest (name or UUID).", valueName: "vm"))
        var vm: String?

        func validate() throws {
            try QueryOutputOptions.validate(kinds: kind, known: EventKind.allCases.map(\.rawValue))
            _ = try since.map(TimeWords.parse)
            _ = try until.map(TimeWords.parse)
        }

        func run() throws {
            var query = EventQuery(kinds: kind)
            query.since = try since.map(TimeWords.parse)
            query.until = try until.map(TimeWords.parse)
            query.nodes = node
            query.vm = vm
            let table = RowWriter.TableStyle(columns: ["time", "node", "kind", "vm", "label", "detail"],
                                             maximumWidth: 60, colourKey: "kind")
            try output.print(keys: EventQuery.keys, table: table, database: database) { db, emit in
                try query.run(db, row: emit)
            }
        }
    }
}
