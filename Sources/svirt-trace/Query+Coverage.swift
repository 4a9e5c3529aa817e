import ArgumentParser
import Store
import Reports

extension SvirtTrace.Query {
    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "coverage",
            abstract: "Per node, where lease data is complete and where it is not, and why.",
            discussion: """
                A denial on a label that no known guest held is unknown-source or unknown-target \
                only where the node's lease data is complete: where no guest with a label \
                svirt-trace never saw can have been running. Elsewhere it is unattributed: a guest \
                never seen may have held the label. This report shows those intervals.

                THE RULE
                  Lease data is complete after a SYSTEM_BOOT record of the node (no guest survives a \
                reboot), and from a status-XML snapshot on (`ingest --libvirt-state`: before the \
                node's first event when none is stored yet, else after its newest stored event). \
                Before the node's first boot or snapshot it is incomplete. A VIRT_CONTROL op=stop of \
                a guest that holds no lease, and none of whose leases ended since the last boot or \
                snapshot, shows a guest that ran with a label never seen: lease data is incomplete \
                from that boot or snapshot up to the stop. The stop comes after the denials it \
                concerns; those stored as unknown-source or unknown-target are moved to \
                unattributed when it arrives (alerts `watch` already sent for them stay sent). \
                `watch --libvirt-state` takes a snapshot each time the folder changes; a guest \
                found running there with no lease from the log (an unseen start) ends an interval \
                of incomplete data in the same way. Only a SYSTEM_BOOT that init logged (uid 0, \
                subj init_t or initrc_t, res=success) counts: any process allowed to write audit \
                records could forge one.

                KEYS
                  node (null without node= and --node), from (ISO-8601 UTC; null before the node's \
                first stored event), to (null: still), lease_data (complete or incomplete), why.

                EXAMPLES
                  svirt-trace query coverage
                  svirt-trace query coverage --node hv01 --format json
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions

        @Option(name: .long, help: ArgumentHelp("Only this node (repeatable); `-` for logs without node=.", valueName: "node"), completion: StoreCompletion.nodes)
        var node: [String] = []

        func run() throws {
            let query = CoverageQuery(nodes: node)
            let table = RowWriter.TableStyle(columns: ["node", "from", "to", "lease_data", "why"], colourKey: "lease_data")
            try output.print(keys: CoverageQuery.keys, table: table, database: database, nodes: node) { db, emit in
                try query.run(db, row: emit)
            }
        }
    }
}
