import ArgumentParser
import Store
import Reports

extension SvirtTrace.Query {
    struct Guests: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "guests",
            abstract: "The guests the store knows: node, name, UUID, label, pid, since, last seen, origin.",
            discussion: """
                One row per guest (a UUID on a node), with its newest lifetime, or with --at the \
                lifetime in force (else the last one before) at TIME; guests first seen after TIME \
                are left out. A guest is named in the other queries by any of: its name, its UUID \
                (with or without dashes, any case) or NODE/NAME.

                KEYS
                  node (null without node=), vm (the name in that lifetime), uuid, label (the \
                selinux label, else the dac one), pid, since (null: running before the log \
                began), until (null: no stop logged), running, last_seen (the newest start, stop \
                or denial of the guest in the store), origin (audit or status-xml).

                EXAMPLES
                  svirt-trace query guests --running
                  svirt-trace query guests --node kvm01 --at "2 hours ago"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions

        @Option(name: .long, help: ArgumentHelp("Only this node (repeatable); `-` for logs without node=.", valueName: "node"),
                completion: StoreCompletion.nodes)
        var node: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp("The guests as the store knew them at this instant.",
                                                            discussion: TimeWords.help, valueName: "time"))
        var at: String?

        @Flag(help: "Only guests running (no stop logged; with --at, running at that instant).")
        var running = false

        func validate() throws {
        }

        func run() throws {
            let query = GuestsQuery(nodes: node, at: try at.map(TimeWords.parse), runningOnly: running)
            let table = RowWriter.TableStyle(columns: ["node", "vm", "uuid", "label", "pid", "since", "running",
                                                       "last_seen", "origin"])
            try output.print(keys: GuestsQuery.keys, table: table, database: database, nodes: node) { db, emit in
                RecordStartNote.check(at: query.at, nodes: node, in: db, display: output.timeDisplay)
                ClockStepNote.check(at: query.at, nodes: node, in: db, display: output.timeDisplay)
                try query.run(db, row: emit)
            }
        }
    }
}
