import Findings

/// libvirt records refused for who sent them (`untrusted-virt-record`), counted by sender. On a
/// host whose libvirt runs confined otherwise (KubeVirt's virt-launcher, another driver's policy)
/// every lifecycle record is refused and every guest's denials turn into unknown labels; the end
/// of an ingest and watch's log say so, and name what `libvirt_senders` would take, instead of
/// leaving the operator a store of unknowns.
public struct RefusedLibvirtSenders: Sendable, Equatable {
    public struct Sender: Sendable, Hashable {
        /// The SELinux type, the whole AppArmor profile, or `uid N`.
        public var name: String
        /// Sent by root: the config's `libvirt_senders` can name it.
        public var root: Bool
    }

    /// Distinct senders named; the rest are counted together. A forger picks its own uid, not
    /// its context, so a handful is what a real host shows.
    static let maximumSenders = 8

    public private(set) var bySender: [Sender: Int] = [:]
    public private(set) var others = 0

    public init() {}

    public var total: Int { bySender.values.reduce(others, +) }

    mutating func add(_ sender: Sender, count: Int = 1) {
        if bySender[sender] != nil || bySender.count < Self.maximumSenders {
            bySender[sender, default: 0] += count
        } else {
            others += count
        }
    }

    mutating func add(_ other: RefusedLibvirtSenders) {
        for (sender, count) in other.bySender { add(sender, count: count) }
        others += other.others
    }

    /// What the refusals mean, or nil when there were none.
    /// - Parameter counted: whether to give the counts (watch says it while they still grow).
    public func warning(counted: Bool = true) -> String? {
        let total = total
        guard total > 0 else { return nil }
        let senders = bySender.sorted { ($0.value, $1.key.name) > ($1.value, $0.key.name) }
        var named = senders.map { counted ? "\($0.key.name) (\($0.value))" : $0.key.name }
        if others > 0 { named.append(counted ? "other senders (\(others))" : "other senders") }
        let records = counted ? "\(total) libvirt record\(total == 1 ? "" : "s") naming a guest \(total == 1 ? "was" : "were")" : "libvirt records naming a guest are"
        var text = "\(records) refused, sent by \(named.joined(separator: ", ")): only root running as a libvirt daemon "
            + "is believed, so the guests they start, stop or label are not mapped to their labels, and those guests' "
            + "denials show unknown labels. "
        let configurable = senders.filter(\.key.root).map(\.key.name)
        if let first = configurable.first {
            text += "If \(configurable.count == 1 ? first : "one of \(configurable.joined(separator: ", "))") is this host's libvirt "
                + "(KubeVirt's virt-launcher, a libvirt under another policy), name it in libvirt_senders in the config file "
                + "(svirt-trace.conf(5)) and read the logs again into a new store; if not, they were forged: "
        } else {
            text += "libvirt runs as root, so they were forged: "
        }
        return text + "query events --kind untrusted-virt-record"
    }
}
