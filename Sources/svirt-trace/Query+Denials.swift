import ArgumentParser
import Findings
import Store
import Reports

extension SvirtTrace.Query {
    struct Denials: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "denials",
            abstract: "One record per denial event, with the guest on each side.",
            discussion: """
                KEYS
                  node (null without node= and --node), time (ISO-8601 UTC, milliseconds), serial, \
                kind, source_vm, source_uuid, target_vm, target_uuid, scontext, tcontext, tclass, \
                perms (array), permissive (bool), pid, comm, exe, path, boolean, reason (why an \
                unattributed denial could not be attributed; null for every other kind), id (NODE:SERIAL, or \
                SERIAL without a node: what `query explain` and `query evidence` take), source_vms, \
                source_uuids, target_vms, target_uuids (arrays).
                  An unknown value is null. source_vm, source_uuid, target_vm and target_uuid are strings \
                or null, never arrays: null when no guest held the label, and also when a label \
                collision leaves several candidate guests; the _vms and _uuids arrays list every \
                candidate of that side, sorted by name (one in the common case, none when no guest \
                held it).

                KINDS
                  cross-guest, unknown-source, unknown-target, unattributed, guest-host, \
                needs-boolean, stale-image, shared-content-write, guest-self, host-guest, host-other.
                  unknown-source and unknown-target mean that no guest held the label: lease data \
                was complete there. Where it was not (no SYSTEM_BOOT and no status XML before it, or \
                a guest with a label never seen was running), the denial is unattributed and reason \
                says why; `svirt-trace query coverage` shows the intervals.

                EXAMPLES
                  svirt-trace query denials --kind cross-guest --since yesterday
                  svirt-trace query denials --vm web01 --as target --perm write --format csv
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions
        @OptionGroup var filters: FilterOptions

        @Option(name: .long, help: ArgumentHelp("Only these kinds (repeatable).", valueName: "kind"))
        var kind: [String] = []

        func validate() throws {
            try QueryOutputOptions.validate(kinds: kind, known: DenialKind.allCases.map(\.rawValue))
        }

        func run() throws {
            let filter = try filters.filter(kinds: kind)
            let table = RowWriter.TableStyle(columns: ["id", "time", "kind", "source_vm", "target_vm", "tclass", "perms",
                                                       "path"], colourKey: "kind",
                                             fallbacks: RowWriter.TableStyle.candidates)
            try filters.checkpointing(limit: output.limit) {
                try output.print(keys: DenialQuery.keys, table: table, database: database, nodes: filters.node) { db, emit in
                    ClockStepNote.check(since: filter.since, until: filter.until, nodes: filters.node, in: db, display: output.timeDisplay)
                    try DenialQuery(filter: filters.resolvingGuest(filter, db)).run(db, row: emit)
                }
            }
        }
    }
}
