import ArgumentParser
import Findings
import Store
import Reports

extension SvirtTrace.Query {
    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "events",
            abstract: "Guest lifecycle, label collisions, isolation posture and policy changes.",
            discussion: """
                KEYS
                  node, time (null for guests bootstrapped from status XML), serial, kind, vm, uuid, \
                label, detail (a JSON object whose keys depend on the kind).

                KINDS
                  domain-start, domain-stop, label-collision, enforcing-change, boolean-change, \
                policy-load, selinux-error, pipeline-gap, untrusted-virt-record (a VIRT_* record \
                naming a guest that was not sent by root running as a libvirt daemon: ignored for the \
                lease timeline; detail.sender is the kernel's subj, detail.why says what failed), \
                clock-step (a node's clock went back within one log, an NTP or hwclock step or lines \
                pasted from another time: kept with the first event logged after it; detail.back_ms \
                is how far, detail.newest_before the newest stamp logged before it, detail.source \
                the log, as first seen: a lone AVC the reader still held for its context records \
                may have been newer, and ingest's warning gives the final figure; the events after \
                it were judged in the order logged, and a time window over the overlap holds events \
                of both sides; --since and --until find it by its own stamp, the start of that \
                stretch, where query stats and the digest find it by the whole stretch).

                POSTURE KINDS (detail.how says how each was seen: which record or status file)
                  unconfined-guest  a guest started without an sVirt SELinux label: the selinux \
                VIRT_MACHINE_ID reads vm-ctx=? (<seclabel type='none'/>), there is none before \
                VIRT_CONTROL op=start (security_driver = "none"), or its process type is not a \
                confined guest domain (unconfined_t, spc_t, ...); in status XML, no selinux \
                <seclabel> or type='none'.
                  weak-label        a label with no category (s0), one category, or a range \
                (s0-s0:c0.c1023); detail.dominates_vms lists the live guests its process \
                dominates at its start.
                  whole-disk        a whole block device (/dev/sdX, /dev/vdX, /dev/xvdX, /dev/hdX, \
                /dev/nvmeXnY) given to a guest. /dev/mapper/... and /dev/disk/by-id/... names cannot \
                be resolved from a log and are not flagged.
                  shared-writable   a disk several live guests may write: <shareable/> read-write in \
                status XML, or the shared image label svirt_image_t:s0 (detail.shared_with_vms).
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions

        @Option(name: .long, help: ArgumentHelp("Only these kinds (repeatable).", valueName: "kind"))
        var kind: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp("Only events at or after TIME.", discussion: TimeWords.help, valueName: "time"))
        var since: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("Only events before TIME.", valueName: "time"))
        var until: String?

        @Flag(help: ArgumentHelp("Save where this run's window ends (--until, else now: the window then ends there too) as the checkpoint that `--since checkpoint` reads next time, so no event is read twice. Not with -n, which would leave rows behind it.",
                                 discussion: TimeWords.checkpointHelp))
        var saveCheckpoint = false

        @Option(name: .long, help: ArgumentHelp("Only this node (repeatable); `-` for logs without node=.", valueName: "node"), completion: StoreCompletion.nodes)
        var node: [String] = []

        @Option(name: .long, help: ArgumentHelp("Only events of this guest (name, UUID or NODE/NAME).", valueName: "vm"), completion: StoreCompletion.guests)
        var vm: String?

        func validate() throws {
            try QueryOutputOptions.validate(kinds: kind, known: EventKind.allCases.map(\.rawValue))
            // The window is read in run(): see FilterOptions.validate.
        }

        func run() throws {
            var query = EventQuery(kinds: kind)
            (query.since, query.until) = try TimeWords.window(since: since, until: until, endsAtCheckpoint: saveCheckpoint)
            query.nodes = node
            query.vm = vm
            let table = RowWriter.TableStyle(columns: ["time", "node", "kind", "vm", "label", "detail"], colourKey: "kind")
            try TimeWords.checkpointing(saveCheckpoint, until: until, limit: output.limit) {
                try output.print(keys: EventQuery.keys, table: table, database: database, nodes: node) { db, emit in
                    ClockStepNote.check(since: query.since, until: query.until, nodes: node, in: db, display: output.timeDisplay)
                    var query = query
                    if let vm = query.vm {
                        (query.vm, query.nodes) = try GuestSelector(vm, nodes: query.nodes).filterTerms(db.connection)
                    }
                    try query.run(db, row: emit)
                }
            }
        }
    }
}
