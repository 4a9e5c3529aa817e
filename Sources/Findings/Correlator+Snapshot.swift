import Guests

extension Correlator {
    /// A later look at libvirt's status XML (watch re-reads the state folder when it changes):
    /// a running guest that holds no open lease, because its VIRT records were lost or never
    /// logged, gets one from the snapshot, valid from `position` (the newest event time when the
    /// snapshot was taken; nil before any event, as at start). Guests with an open lease are left
    /// alone: the log is the better witness of when they started.
    ///
    /// Such a guest ran with a label never seen since some time after the node's last anchor (a
    /// boot or an earlier snapshot), so lease data there was incomplete: an `unseen-start` mark
    /// at `position` ends that interval (see `Coverage`), and the store moves its unknown-*
    /// denials to `unattributed`.
    public mutating func refresh(_ entries: [StateFolder.Entry], at position: EventPosition?) -> [Finding] {
        var findings: [Finding] = []
        var refreshed: [StateFolder.Entry] = []
        for entry in entries {
            let status = entry.status
            guard Self.isRunning(status) else { continue }
            guard map.openLeases(node: entry.node, uuid: status.uuid).isEmpty else { continue }
            refreshed.append(entry)
            if let position {
                let mark = CoverageMark(node: entry.node, position: position, kind: .unseenStart, vm: status.name,
                                        uuid: status.uuid, gapStart: coverage.lastAnchor(node: entry.node, atOrBefore: position))
                coverage.add(mark)
                findings.append(.coverage(mark))
            }
            let leases = leasesFromStatus(entry, validFrom: position)
            findings += leases.map { .lease($0) }
            let selinuxLease = leases.first { $0.model == "selinux" }
            let started = RecordedEvent(
                id: nil, timeMilliseconds: position?.timeMilliseconds, node: entry.node, kind: .domainStart,
                vm: status.name, uuid: status.uuid, label: selinuxLease?.label,
                detail: [("pid", status.pid.map { .int($0) } ?? .null), ("bootstrap", .bool(true)),
                         ("static", .bool(selinuxLease?.isStatic ?? false)), ("status_file", .string(status.file)),
                         ("reason", .string("running in libvirt's status XML without a lease from the log"))])
            findings.append(.event(started))
            if let position, let selinux = selinuxLease, let level = selinux.level {
                let holders = map.holders(node: entry.node, level: level, at: position)
                if holders.count > 1 {
                    findings.append(.event(collisionEvent(id: nil, time: position.timeMilliseconds, node: entry.node,
                                                          newcomer: selinux, holders: holders)))
                }
            }
        }
        // Their posture as status XML shows it (sharing among the guests refreshed together).
        return findings + postureOfStatus(refreshed, at: position?.timeMilliseconds)
    }
}
