import AuditStream
import Guests

/// Coverage: whether "no known lease covers this label" means "no guest held it" or only "we
/// cannot know" (see `Coverage` for the rule).
extension Correlator {
    /// Takes the coverage marks as the store holds them, after another writer changed them.
    public mutating func replaceCoverage(_ coverage: Coverage) {
        self.coverage = coverage
    }

    /// The marks as the store holds them, placed as `replaceMap` places leases.
    public mutating func replaceCoverage(marks: [CoverageMark]) {
        guard placer.stepCount > 0 else { return replaceCoverage(Coverage(marks: marks)) }
        replaceCoverage(Coverage(marks: marks.map { mark in
            var placed = mark
            placed.position = mark.position.map { placer.replaced($0, node: mark.node) }
            if case .at(let start)? = mark.gapStart { placed.gapStart = .at(placer.replaced(start, node: mark.node)) }
            return placed
        }))
    }

    /// A status-XML snapshot of these nodes: every guest running there is known from `position`
    /// on (nil: before every event of the node, as `ingest --libvirt-state` reads it). A caller
    /// that re-reads the state folder later passes the event position it stands at.
    public mutating func snapshotCoverage(nodes: [String?], at position: EventPosition?) -> [Finding] {
        nodes.map { node in
            let mark = CoverageMark(node: node, position: position, kind: .statusXML)
            coverage.add(mark)
            return .coverage(mark)
        }
    }

    /// No guest survives a reboot: leases still open on the node (their stop was not logged) end
    /// here, and lease data is complete from here on.
    ///
    /// SYSTEM_BOOT is a user-space record: any process with CAP_AUDIT_WRITE (a container, by
    /// Docker's default) can send one, and a forged boot would end every lease on the node. Only
    /// the kernel's own fields are trusted: the sender must be uid 0 running as init (subj
    /// `init_t` or `initrc_t`, as systemd-update-utmp does), and the record must report success.
    /// Anything else is kept as a parse issue and changes nothing.
    mutating func systemBoot(_ event: AuditEvent) -> [Finding] {
        guard let record = event.first("SYSTEM_BOOT") else { return [] }
        if let doubt = Self.bootDoubt(record) {
            return [issue(event, record, "SYSTEM_BOOT ignored: \(doubt); a boot ends every lease on the node, so only init's is believed")]
        }
        let node = event.id.node
        let at = position(event.id)
        var findings: [Finding] = []
        let open = map.leases.values.filter { NodeName.same($0.node, node) && $0.isOpen && ($0.validFrom.map { $0 < at } ?? true) }
        for var lease in open.sorted(by: { $0.id < $1.id }) {
            lease.validTo = at
            map.upsert(lease)
            findings.append(.lease(lease))
        }
        let mark = CoverageMark(node: node, position: at, kind: .systemBoot)
        coverage.add(mark)
        findings.append(.coverage(mark))
        return findings
    }

    /// Called for VIRT_CONTROL op=stop before the guest's leases are closed. A guest with no open
    /// lease, none of whose leases ended since the last anchor (a failed start closes them, and
    /// libvirt may log a stop after it; a stop may be logged twice), ran with a label never seen.
    mutating func stopCoverage(_ event: AuditEvent, uuid: String, vm: String?) -> [Finding] {
        let node = event.id.node
        let at = position(event.id)
        guard map.openLeases(node: node, uuid: uuid).isEmpty else { return [] }
        let anchor = coverage.lastAnchor(node: node, atOrBefore: at)
        let endedSinceAnchor = map.leases.values.contains { lease in
            guard NodeName.same(lease.node, node), lease.uuid == uuid, let end = lease.validTo, end <= at else { return false }
            switch anchor {
            case .at(let start): return end >= start
            case .nodeStart, nil: return true
            }
        }
        guard !endedSinceAnchor else { return [] }
        let mark = CoverageMark(node: node, position: at, kind: .unseenStop, vm: vm, uuid: uuid, gapStart: anchor)
        coverage.add(mark)
        return [.coverage(mark)]
    }

    /// unknown-source and unknown-target only where lease data is complete; elsewhere the label may
    /// be a guest's we never saw.
    func attributed(_ kind: DenialKind, node: String?, at: EventPosition) -> (DenialKind, String?) {
        guard kind == .unknownSource || kind == .unknownTarget else { return (kind, nil) }
        guard let reason = coverage.gap(node: node, at: at) else { return (kind, nil) }
        return (.unattributed, reason)
    }

    /// Why a SYSTEM_BOOT record is not believed; nil when it is init's.
    static func bootDoubt(_ record: AuditRecord) -> String? {
        if let result = record.raw("res"), result != "success", result != "1" { return "res=\(result)" }
        if let uid = record.raw("uid"), uid != "0" { return "sent by uid \(uid)" }
        if let subject = UserRecordSender.subject(of: record) {
            let type = ContextView(subject).type ?? ""
            guard Self.bootSenders.contains(type) else { return "sent from \(type.isEmpty ? subject : type), not init" }
        }
        return nil
    }

    /// The SELinux domains of the process that logs a boot (systemd-update-utmp runs as init_t;
    /// initrc_t on hosts that still boot through SysV scripts).
    static let bootSenders: Set<String> = ["init_t", "initrc_t"]
}
