import ArgumentParser
import Store
import Reports

extension SvirtTrace.Query {
    struct CrossGuest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cross-guest",
            abstract: "Who attacked whom: one row per pair of source and target guests.",
            discussion: """
                Covers cross-guest denials and the unknown-source and unknown-target ones, where \
                the side no guest held appears as its MCS label.

                KEYS
                  source_vm, source_uuid, target_vm, target_uuid, count, first_seen, last_seen, \
                perms, tclasses, nodes (arrays), permissive (true if any attempt succeeded), \
                sample_path, source_vms, source_uuids, target_vms, target_uuids (arrays).
                  A _vm key is a string or null, never an array: the guest, or the MCS label when no \
                guest held it; null on a label collision, where the _vms and _uuids arrays list every \
                candidate.
                  --detail prints every denial instead, with the keys of `query denials` (its id is \
                what `query explain` and `query evidence` take).
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions
        @OptionGroup var filters: FilterOptions

        @Flag(help: "List every denial event instead of one row per pair.")
        var detail = false

        func run() throws {
            let filter = try filters.filter(kinds: CrossGuestQuery.kinds)
            if detail {
                let table = RowWriter.TableStyle(columns: ["id", "time", "kind", "source_vm", "target_vm", "tclass",
                                                           "perms", "path"], colourKey: "kind",
                                                 fallbacks: RowWriter.TableStyle.candidates)
                try filters.checkpointing(limit: output.limit) {
                    try output.print(keys: DenialQuery.keys, table: table, database: database, nodes: filters.node) { db, emit in
                        ClockStepNote.check(since: filter.since, until: filter.until, nodes: filters.node, in: db, display: output.timeDisplay)
                        try DenialQuery(filter: filters.resolvingGuest(filter, db)).run(db, row: emit)
                    }
                }
                return
            }
            let table = RowWriter.TableStyle(columns: ["source_vm", "target_vm", "count", "first_seen", "last_seen", "perms",
                                                       "tclasses", "nodes", "permissive", "sample_path"],
                                             fallbacks: RowWriter.TableStyle.candidates)
            try filters.checkpointing(limit: output.limit) {
                try output.print(keys: CrossGuestQuery.keys, table: table, database: database, nodes: filters.node) { db, emit in
                    ClockStepNote.check(since: filter.since, until: filter.until, nodes: filters.node, in: db, display: output.timeDisplay)
                    try CrossGuestQuery(filter: filters.resolvingGuest(filter, db)).run(db, row: emit)
                }
            }
        }
    }

    struct WhoTouched: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "who-touched",
            abstract: "Every guest or unknown label that tried to reach VM's disks, devices or process.",
            discussion: """
                VM is a guest name, a UUID (with or without dashes) or NODE/NAME. Every lifetime of VM counts, including those whose labels \
                later went to other guests: attribution is by the lease that held the label at the \
                time of each denial.

                KEYS
                  source_vm, source_uuid (null for an unknown label or a host domain, and on a label \
                collision), source_label (the label or host context then), target_vm (null when VM \
                had several names), kinds, count, perms, tclasses, first_seen, last_seen, permissive \
                (true if any attempt succeeded), nodes, source_vms, source_uuids (every candidate), \
                target_vms (every name of VM).
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions
        @OptionGroup var filters: FilterOptions

        @Argument(help: ArgumentHelp("Guest name, UUID (dashes optional) or NODE/NAME (-/NAME for logs without node=: write `-- -/NAME`).", valueName: "vm"), completion: StoreCompletion.guests)
        var target: String

        func validate() throws {
            // The guest is the argument, always the target: a --vm here was silently ignored.
            if filters.vm != nil || filters.side != nil {
                throw ValidationError("who-touched takes its guest as the argument, always the target; --vm and --as do not "
                                      + "apply (what one guest did: query denials --vm GUEST --as source)")
            }
        }

        func run() throws {
            var filter = try filters.filter(kinds: [])
            filter.vm = nil
            let query = WhoTouchedQuery(guest: GuestSelector(target, nodes: filters.node), filter: filter)
            let table = RowWriter.TableStyle(columns: ["source_vm", "source_label", "kinds", "count", "perms", "first_seen",
                                                       "last_seen", "permissive", "nodes"],
                                             fallbacks: RowWriter.TableStyle.candidates)
            try filters.checkpointing(limit: output.limit) {
                try output.print(keys: WhoTouchedQuery.keys, table: table, database: database, nodes: filters.node) { db, emit in
                    ClockStepNote.check(since: filter.since, until: filter.until, nodes: filters.node, in: db, display: output.timeDisplay)
                    try query.run(db, row: emit)
                }
            }
        }
    }

    struct Guest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "guest",
            abstract: "One guest's timeline: lifetimes, labels, pid, disks, denials and policy changes.",
            discussion: """
                VM is a guest name, a UUID (with or without dashes) or NODE/NAME. Rows come oldest first (a lifetime from status XML, which \
                began before the log, has no time and comes first). A table on a terminal and in a \
                pipe alike; --format json, jsonl or csv for keys.

                EVENTS
                  label-start, label-stop (selinux and dac labels, pid in detail), resource \
                (VIRT_RESOURCE: disks, networks, host devices), denial-as-source, denial-as-target \
                (peer is the other side: a guest, every candidate comma-separated where a label collision \
                left several, an unheld label, or a host context; detail has kind, perms, tclass and the \
                evidence ID), and \
                enforcing-change, boolean-change, policy-load on its node while it ran.

                KEYS
                  time, node, vm, uuid, event, label, peer, detail (JSON object).
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions

        @Option(name: .long, help: ArgumentHelp("Only this node (repeatable).", valueName: "node"), completion: StoreCompletion.nodes)
        var node: [String] = []

        @Argument(help: ArgumentHelp("Guest name, UUID (dashes optional) or NODE/NAME (-/NAME for logs without node=: write `-- -/NAME`).", valueName: "vm"), completion: StoreCompletion.guests)
        var target: String

        func run() throws {
            let query = GuestTimelineQuery(guest: GuestSelector(target, nodes: node))
            let table = RowWriter.TableStyle(columns: ["time", "node", "vm", "event", "label", "peer", "detail"],
                                             colourKey: "event")
            // A timeline reads as a table in `| less` too; JSON only with --format.
            try output.print(keys: GuestTimelineQuery.keys, table: table, database: database, nodes: node,
                             readable: true) { db, emit in
                try query.run(db, row: emit)
            }
        }
    }

    struct Label: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "label",
            abstract: "Who held an MCS label, with the full history of holders.",
            discussion: """
                LEVEL may be s0:c87,c520, c87,c520, s0:c520,c87, a range such as s0:c0.c3, or a whole \
                context (system_u:system_r:svirt_t:s0:c87,c520). --at gives the holder(s) at that \
                instant; more than one means a label collision.

                KEYS
                  node, level, vm, uuid, label, from (null: before the log), to (null: still \
                running), pid, static, origin (audit or status-xml).
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions

        @Option(parsing: .unconditional, help: ArgumentHelp("The holder at this instant.", discussion: TimeWords.help, valueName: "time"))
        var at: String?

        @Option(name: .long, help: ArgumentHelp("Only this node (repeatable).", valueName: "node"), completion: StoreCompletion.nodes)
        var node: [String] = []

        @Argument(help: ArgumentHelp("MCS level or context.", valueName: "level"))
        var level: String

        func validate() throws {
            do { _ = try LabelQuery.level(from: level) } catch { throw ValidationError("\(error)") }
        }

        func run() throws {
            let query = LabelQuery(level: try LabelQuery.level(from: level), at: try at.map(TimeWords.parse), nodes: node)
            let table = RowWriter.TableStyle(columns: ["node", "level", "vm", "uuid", "from", "to", "pid", "static", "origin"])
            try output.print(keys: LabelQuery.keys, table: table, database: database, nodes: node) { db, emit in
                RecordStartNote.check(at: query.at, nodes: node, in: db, display: output.timeDisplay)
                ClockStepNote.check(at: query.at, nodes: node, in: db, display: output.timeDisplay)
                try query.run(db, row: emit)
            }
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Denials per kind, node and day; parse errors; the last event per node.",
            discussion: """
                A node whose last stored event is more than an hour behind the newest one is marked \
                silent: its auditd, audisp-remote or network may have stopped. Events stamped more than \
                5 minutes after now (a clock ahead, a forged record) do not count as the newest; their \
                node is marked clock ahead instead. A node whose clock went back within a log (an NTP \
                or hwclock step) has a clock-steps row: the steps kept (at most one a minute) and the \
                last; a time window over one holds events of both sides of it.

                KEYS
                  section (kind, node, day, clock-steps, parse-errors), name, count, last_event, note.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions
        @OptionGroup var filters: FilterOptions

        func run() throws {
            var query = StatsQuery(filter: try filters.filter(kinds: []))
            query.nowMilliseconds = try TimeWords.now()
            let table = RowWriter.TableStyle(columns: ["section", "name", "count", "last_event", "note"])
            try filters.checkpointing(limit: output.limit) {
                try output.print(keys: StatsQuery.keys, table: table, database: database, nodes: filters.node) { db, emit in
                    var resolved = query
                    resolved.filter = try filters.resolvingGuest(query.filter, db)
                    try resolved.run(db, row: emit)
                }
            }
        }
    }
}
