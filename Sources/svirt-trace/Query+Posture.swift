import ArgumentParser
import Store
import Reports

extension SvirtTrace.Query {
    struct Posture: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "posture",
            abstract: "Every guest live at an instant, with its sVirt isolation verdict.",
            discussion: """
                A guest is live at TIME when it holds a label lease then, or when its newest start \
                at or before TIME has no stop after it (a guest started with no label record at all \
                has no lease, yet runs). Without --at, the newest state the store knows.

                VERDICTS (several may apply; ok when none does)
                  unconfined       started without an sVirt SELinux label: the selinux \
                VIRT_MACHINE_ID record reads vm-ctx=? (<seclabel type='none'/>), there is none \
                before VIRT_CONTROL op=start (security_driver = "none"), or its process type is not \
                a confined guest domain (unconfined_t, spc_t, ...); from status XML, no selinux \
                <seclabel> or type='none'.
                  weak             a label with no category (s0), one category, or a range \
                (s0-s0:c0.c1023); detail.dominates_vms lists the guests live at TIME whose level \
                its process dominates.
                  whole-disk       given a whole block device: /dev/sdX, /dev/vdX, /dev/xvdX, \
                /dev/hdX, /dev/nvmeXnY or /dev/mmcblkN with no partition number (VIRT_RESOURCE new-disk, or a \
                read-write <disk type='block'> in status XML). A guest can write partition tables \
                and LVM metadata that the host reads. /dev/mapper/... and /dev/disk/by-id/... names \
                (and other links) cannot be resolved from a log: they are NOT flagged.
                  shared-writable  a disk other live guests may write too: <shareable/> read-write \
                in status XML, or the shared image label svirt_image_t:s0 (img-ctx without \
                categories). A log does not say whether a disk is shareable or read-only, so the \
                same path given to two guests is not judged from the log alone.

                Verdicts are the posture events stored for the guest's current lifetime \
                (svirt-trace query events --kind unconfined-guest ...); detail gives how each was \
                seen.

                KEYS
                  node, vm, uuid, label (the selinux process label; null without one), models \
                (the security models libvirt logged for it, e.g. selinux, dac), verdict, since \
                (when this lifetime began; null: running before the log began), detail (a JSON \
                object with the evidence of each verdict).

                EXIT STATUS
                  0 guests listed; 1 no guest is live at TIME (said on stderr); 2 usage error; \
                4 database error.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: QueryOutputOptions

        @Option(parsing: .unconditional, help: ArgumentHelp("The guests live at this instant (default: the newest state).",
                                   discussion: TimeWords.help, valueName: "time"))
        var at: String?

        @Option(name: .long, help: ArgumentHelp("Only this node (repeatable); `-` for logs without node=.", valueName: "node"), completion: StoreCompletion.nodes)
        var node: [String] = []

        func validate() throws {
        }

        func run() throws {
            let query = PostureQuery(at: try at.map(TimeWords.parse), nodes: node)
            let table = RowWriter.TableStyle(columns: ["node", "vm", "uuid", "label", "models", "verdict", "since", "detail"])
            do {
                try output.print(keys: PostureQuery.keys, table: table, database: database, nodes: node) { db, emit in
                    RecordStartNote.check(at: query.at, nodes: node, in: db, display: output.timeDisplay)
                    ClockStepNote.check(at: query.at, nodes: node, in: db, display: output.timeDisplay)
                    try query.run(db, row: emit)
                }
            } catch let exit as ExitCode where exit.rawValue == SvirtTrace.Status.noMatch {
                Console.error("no guest is live" + (at.map { " at \($0)" } ?? "") + (node.isEmpty ? "" : " on " + node.joined(separator: ", ")))
                throw exit
            }
        }
    }
}
