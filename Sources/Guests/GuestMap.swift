import SELinux

/// The per-node timeline of leases: which guest held which MCS label when. Every lookup takes the
/// event's own position, never the wall clock, so logs can be replayed in any batch size and
/// events that complete out of order still resolve to the holder at their time.
public struct GuestMap: Sendable {
    /// A node key that is never nil, so logs without `node=` still index.
    private struct LabelKey: Hashable, Sendable {
        var node: String
        var level: MLSLevel
    }

    public private(set) var leases: [Int64: Lease] = [:]
    private var byLabel: [LabelKey: [Int64]] = [:]
    /// Open selinux lease per guest (node + uuid).
    private var openByGuest: [String: Int64] = [:]
    public private(set) var nextLeaseID: Int64

    public init(nextLeaseID: Int64 = 1) {
        self.nextLeaseID = nextLeaseID
    }

    public init(leases existing: [Lease]) {
        self.init(nextLeaseID: (existing.map(\.id).max() ?? 0) + 1)
        for lease in existing { index(lease) }
    }

    public mutating func makeLeaseID() -> Int64 {
        defer { nextLeaseID += 1 }
        return nextLeaseID
    }

    /// Adds or replaces a lease.
    public mutating func upsert(_ lease: Lease) {
        if let old = leases[lease.id], let level = old.level {
            let key = LabelKey(node: NodeName.key(old.node), level: level)
            byLabel[key]?.removeAll { $0 == lease.id }
        }
        index(lease)
    }

    private mutating func index(_ lease: Lease) {
        leases[lease.id] = lease
        if let level = lease.level {
            byLabel[LabelKey(node: NodeName.key(lease.node), level: level), default: []].append(lease.id)
        }
        let guest = Self.guestKey(node: lease.node, uuid: lease.uuid, model: lease.model)
        if lease.isOpen {
            openByGuest[guest] = lease.id
        } else if openByGuest[guest] == lease.id {
            openByGuest[guest] = nil
        }
    }

    /// The open lease of a guest for one security model, if any.
    public func openLease(node: String?, uuid: String, model: String = "selinux") -> Lease? {
        openByGuest[Self.guestKey(node: node, uuid: uuid, model: model)].flatMap { leases[$0] }
    }

    /// Every open lease of a guest (selinux and dac).
    public func openLeases(node: String?, uuid: String) -> [Lease] {
        ["selinux", "dac"].compactMap { openLease(node: node, uuid: uuid, model: $0) }
    }

    /// Every guest that held exactly this level on this node at this position, sorted by name.
    public func holders(node: String?, level: MLSLevel, at position: EventPosition) -> [Lease] {
        guard let ids = byLabel[LabelKey(node: NodeName.key(node), level: level)] else { return [] }
        var found: [Lease] = []
        for id in ids {
            if let lease = leases[id], lease.isValid(at: position) { found.append(lease) }
        }
        // By bytes, as the stores order names: two that differ only in normalization never tie.
        if found.count > 1 {
            found.sort { a, b in
                a.name.utf8.elementsEqual(b.name.utf8) ? a.uuid.utf8.lexicographicallyPrecedes(b.uuid.utf8)
                    : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
            }
        }
        return found
    }

    /// The source side: the AVC's pid is the QEMU process, so it settles which of several guests
    /// sharing a label did it.
    public func resolveSource(node: String?, level: MLSLevel, pid: Int64?, at position: EventPosition) -> [Lease] {
        let candidates = holders(node: node, level: level, at: position)
        if candidates.count > 1, let pid {
            let byPid = candidates.filter { $0.pid == pid }
            if byPid.count == 1 { return byPid }
        }
        return candidates
    }

    /// Forgets leases that ended before `cutoff` (event time), so a daemon that runs for months
    /// keeps only what recent events can resolve against; the store keeps them all. Returns how
    /// many were forgotten. Open leases are never forgotten.
    @discardableResult
    public mutating func forgetLeases(endedBefore cutoff: Int64) -> Int {
        let ended = leases.values.filter { lease in lease.validTo.map { $0.axisMilliseconds < cutoff } ?? false }
        for lease in ended {
            leases[lease.id] = nil
            if let level = lease.level {
                let key = LabelKey(node: NodeName.key(lease.node), level: level)
                byLabel[key]?.removeAll { $0 == lease.id }
                if byLabel[key]?.isEmpty == true { byLabel[key] = nil }
            }
        }
        return ended.count
    }

    private static func guestKey(node: String?, uuid: String, model: String) -> String {
        "\(NodeName.key(node))\u{0}\(uuid)\u{0}\(model)"
    }
}
