import AuditStream
import Guests
import SELinux

/// Posture events (`PostureDetector`): judged when a guest's start is confirmed (every model
/// record has been logged by then), when a disk is given to it, and for guests read from status
/// XML.
extension Correlator {
    // MARK: from the log

    /// Notes a VIRT_MACHINE_ID record for the guest's coming start.
    mutating func notePostureRecord(node: String?, uuid: String, model: String, vmContext: String?, imageContext: String?) {
        posture.sawMachineID(node: node, uuid: uuid, .init(model: model, vmContext: vmContext, imageContext: imageContext))
    }

    mutating func forgetPosture(node: String?, uuid: String) {
        posture.forget(node: node, uuid: uuid)
    }

    /// The posture of a guest whose start (VIRT_CONTROL op=start, res=success) was just logged,
    /// judged from its open leases and the model records seen since its last start.
    mutating func postureAtStart(_ id: AuditEventID, uuid: String, vm: String?, leases: [Lease]) -> [Finding] {
        let node = id.node
        let records = posture.takeRecords(node: node, uuid: uuid)
        let name = vm ?? leases.first?.name ?? uuid
        let selinux = leases.first { $0.model == "selinux" }
        var models: [String] = []
        for model in records.map(\.model) + leases.map(\.model) where !models.contains(model) { models.append(model) }
        let seen: [(String, DetailValue)] = [
            ("models", .strings(models)),
            ("model_records", .strings(records.isEmpty ? leases.map { "model=\($0.model) vm-ctx=\($0.label) img-ctx=\($0.imageLabel ?? "?")" }
                                                         : records.map(\.text))),
        ]
        func event(_ kind: EventKind, label: String?, _ detail: [(String, DetailValue)]) -> Finding {
            .event(RecordedEvent(id: id, timeMilliseconds: id.timeMilliseconds, node: node, kind: kind, vm: name,
                                 uuid: uuid, label: label, detail: detail + seen))
        }
        guard let selinux else {
            let how = records.contains { $0.model == "selinux" }
                ? "the selinux VIRT_MACHINE_ID record reads vm-ctx=? (<seclabel type='none'/>)"
                : "no selinux VIRT_MACHINE_ID record before VIRT_CONTROL op=start (security_driver = \"none\" in qemu.conf)"
            return [event(.unconfinedGuest, label: nil, [("how", .string(how)), ("source", .string("audit"))])]
        }
        if let why = PostureDetector.unconfinement(processType: selinux.processType) {
            return [event(.unconfinedGuest, label: selinux.label,
                          [("how", .string("the selinux VIRT_MACHINE_ID record's vm-ctx: \(why)")), ("source", .string("audit"))])]
        }
        var findings: [Finding] = []
        let at = position(id)
        if let weak = PostureDetector.weakness(of: selinux.label) {
            let dominated = liveSELinuxLeases(node: node, except: uuid, at: at).filter { $0.level.map(weak.reach.dominates) ?? false }
            findings.append(event(.weakLabel, label: selinux.label, [
                ("how", .string("the selinux VIRT_MACHINE_ID record's vm-ctx has \(weak.reason)")),
                ("level", .string("\(weak.low)")), ("reach", .string("\(weak.reach)")), ("static", .bool(selinux.isStatic)),
                ("dominates_vms", .strings(dominated.map(\.name))), ("dominates_uuids", .strings(dominated.map(\.uuid))),
                ("source", .string("audit")),
            ]))
        }
        if PostureDetector.isSharedImageLabel(selinux.imageLabel) {
            let others = liveSELinuxLeases(node: node, except: uuid, at: at)
            findings.append(event(.sharedWritable, label: selinux.imageLabel, [
                ("how", .string("the selinux VIRT_MACHINE_ID record's img-ctx \(selinux.imageLabel ?? "") has no category: "
                                + "the shared read/write label, which every confined guest may write")),
                ("disk", .null), ("shared_with_vms", .strings(others.map(\.name))), ("shared_with_uuids", .strings(others.map(\.uuid))),
                ("source", .string("audit")),
            ]))
        }
        return findings
    }

    /// A disk given to a guest (VIRT_RESOURCE resrc=disk, res=success): a whole block device?
    func postureOfDisk(_ id: AuditEventID, uuid: String?, vm: String?, disk: String?, reason: String?) -> [Finding] {
        guard let disk, PostureDetector.isWholeDisk(disk) else { return [] }
        let lease = uuid.flatMap { map.openLease(node: id.node, uuid: $0) }
        return [.event(RecordedEvent(
            id: id, timeMilliseconds: id.timeMilliseconds, node: id.node, kind: .wholeDisk, vm: vm ?? lease?.name,
            uuid: uuid, label: lease?.label,
            detail: [("how", .string("VIRT_RESOURCE resrc=disk new-disk names a whole block device, not a partition or volume")),
                     ("disk", .string(disk)), ("reason", reason.map { .string($0) } ?? .null), ("source", .string("audit"))]))]
    }

    /// A disk element as posture judges it: a repeat of the same source with the same flags adds nothing.
    static func diskKey(_ disk: DomainStatus.Disk, _ source: String) -> String {
        "\(disk.type)\u{0}\(disk.readonly)\u{0}\(disk.shareable)\u{0}\(source)"
    }

    /// Open selinux leases of other guests on the node at `at`, by name.
    func liveSELinuxLeases(node: String?, except uuid: String, at: EventPosition?) -> [Lease] {
        map.leases.values.filter { lease in
            lease.model == "selinux" && NodeName.same(lease.node, node) && lease.uuid != uuid
                && (at.map { lease.isValid(at: $0) } ?? lease.isOpen)
        }.sorted { ($0.name, $0.uuid) < ($1.name, $1.uuid) }
    }

    // MARK: from status XML

    /// The posture of guests read from status XML (all running at the same moment). `time` is
    /// when they were found: nil for the snapshot at start (running before every event), the
    /// newest event time for a later look, so that each lifetime found later has its own events
    /// and alert ids, and `query posture` counts them from the lease they go with.
    func postureOfStatus(_ entries: [StateFolder.Entry], at time: Int64? = nil) -> [Finding] {
        var findings: [Finding] = []
        // Disks by node and source, for sharing: every guest holding it, and whether it may write.
        var holders: [String: [(entry: StateFolder.Entry, disk: DomainStatus.Disk)]] = [:]
        for entry in entries {
            var held: Set<String> = []
            for disk in entry.status.diskDetails {
                guard let source = disk.source, held.insert(Self.diskKey(disk, source)).inserted else { continue }
                holders["\(NodeName.key(entry.node))\u{0}\(source)", default: []].append((entry, disk))
            }
        }
        for entry in entries {
            let status = entry.status
            let models = status.securityLabels.map(\.model)
            let seen: [(String, DetailValue)] = [
                ("models", .strings(models)),
                ("model_records", .strings(status.securityLabels.map {
                    "model=\($0.model) type=\($0.type) label=\($0.label ?? "?") imagelabel=\($0.imageLabel ?? "?")"
                })),
                ("source", .string("status-xml")), ("status_file", .string(status.file)),
            ]
            func event(_ kind: EventKind, label: String?, _ detail: [(String, DetailValue)]) -> Finding {
                .event(RecordedEvent(id: nil, timeMilliseconds: time, node: entry.node, kind: kind, vm: status.name,
                                     uuid: status.uuid, label: label, detail: detail + seen))
            }
            let selinux = status.securityLabels.first { $0.model == "selinux" }
            if selinux == nil || selinux?.type == "none" {
                let how = selinux == nil ? "the status XML has no selinux <seclabel> (security_driver = \"none\", or no sVirt)"
                                         : "the status XML's selinux <seclabel type='none'/>"
                findings.append(event(.unconfinedGuest, label: nil, [("how", .string(how))]))
            } else if let selinux, let label = selinux.label {
                let view = ContextView(label)
                if let why = PostureDetector.unconfinement(processType: view.type) {
                    findings.append(event(.unconfinedGuest, label: label, [("how", .string("the status XML's selinux <seclabel>: \(why)"))]))
                } else {
                    if let weak = PostureDetector.weakness(of: label) {
                        let dominated = liveSELinuxLeases(node: entry.node, except: status.uuid, at: nil)
                            .filter { $0.level.map(weak.reach.dominates) ?? false }
                        findings.append(event(.weakLabel, label: label, [
                            ("how", .string("the status XML's selinux <seclabel type='\(selinux.type)'> has \(weak.reason)")),
                            ("level", .string("\(weak.low)")), ("reach", .string("\(weak.reach)")),
                            ("static", .bool(selinux.type == "static")),
                            ("dominates_vms", .strings(dominated.map(\.name))), ("dominates_uuids", .strings(dominated.map(\.uuid))),
                        ]))
                    }
                    if PostureDetector.isSharedImageLabel(selinux.imageLabel) {
                        let others = liveSELinuxLeases(node: entry.node, except: status.uuid, at: nil)
                        findings.append(event(.sharedWritable, label: selinux.imageLabel, [
                            ("how", .string("the status XML's <imagelabel> \(selinux.imageLabel ?? "") has no category: "
                                            + "the shared read/write label, which every confined guest may write")),
                            ("disk", .null), ("shared_with_vms", .strings(others.map(\.name))),
                            ("shared_with_uuids", .strings(others.map(\.uuid))),
                        ]))
                    }
                }
            }
            // A disk listed twice alike is one disk: one event, not one per element (a file of
            // thousands of copies would otherwise flood the alerts and cost quadratic time).
            var judged: Set<String> = []
            for disk in status.diskDetails {
                guard let source = disk.source, judged.insert(Self.diskKey(disk, source)).inserted else { continue }
                if disk.type == "block", !disk.readonly, PostureDetector.isWholeDisk(source) {
                    findings.append(event(.wholeDisk, label: selinux?.label, [
                        ("how", .string("the status XML's <disk type='block' device='\(disk.device)'> has a whole block device as its source")),
                        ("disk", .string(source)),
                    ]))
                }
                let sharing = holders["\(NodeName.key(entry.node))\u{0}\(source)"] ?? []
                let others = sharing.filter { $0.entry.status.uuid != status.uuid }
                // Read-write here, and held by another live guest; <shareable/> says it is meant.
                if !disk.readonly, !others.isEmpty, disk.shareable || others.contains(where: { $0.disk.shareable }) {
                    let names = others.map(\.entry.status.name)
                    findings.append(event(.sharedWritable, label: selinux?.imageLabel, [
                        ("how", .string("the status XML's <disk> has <shareable/> and is given read-write: libvirt labels it "
                                        + "svirt_image_t:s0, which every confined guest may write")),
                        ("disk", .string(source)), ("shared_with_vms", .strings(names)),
                        ("shared_with_uuids", .strings(others.map(\.entry.status.uuid))),
                    ]))
                }
            }
        }
        return findings
    }
}
