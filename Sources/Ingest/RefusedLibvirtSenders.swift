import Findings

/// libvirt records refused for who sent them (`untrusted-virt-record`), counted by sender. On a
/// host whose libvirt runs confined otherwise (KubeVirt's virt-launcher, another driver's policy)
/// every lifecycle record is refused and every guest's denials turn into unknown labels; the end
/// of an ingest and watch's log say so, and name what `libvirt_senders` would take, instead of
/// leaving the operator a store of unknowns.
public struct RefusedLibvirtSenders: Sendable, Equatable {
    /// Root senders named, by SELinux type or AppArmor profile: the kernel sets those, and a
    /// container cannot pick another, so a real host shows a handful. The rest are counted together.
    static let maximumRootSenders = 16
    /// Senders that were not root are no libvirt whatever their context, and a forger picks its
    /// uid: they are counted together, with a few uids for the example.
    static let maximumUIDExamples = 3
    /// A sender's name as shown: a crafted context may be any length.
    static let maximumNameLength = 64

    public private(set) var roots: [String: Int] = [:]
    public private(set) var otherRoots = 0
    public private(set) var nonRoot = 0
    public private(set) var uidExamples: [String] = []

    public init() {}

    public var total: Int { roots.values.reduce(otherRoots + nonRoot, +) }

    /// Records were refused from root: a libvirt confined otherwise may be among the senders.
    public var fromRoot: Bool { !roots.isEmpty || otherRoots > 0 }

    /// - Parameter name: as `LibvirtSender.name` gives it: the type or profile of a root sender,
    ///   `uid N` of another.
    mutating func add(name: String, root: Bool) {
        if root {
            addRoot(name, count: 1)
        } else {
            nonRoot += 1
            addExample(name)
        }
    }

    mutating func add(_ other: RefusedLibvirtSenders) {
        for (name, count) in other.roots { addRoot(name, count: count) }
        otherRoots += other.otherRoots
        nonRoot += other.nonRoot
        other.uidExamples.forEach { addExample($0) }
    }

    private mutating func addRoot(_ name: String, count: Int) {
        if roots[name] != nil || roots.count < Self.maximumRootSenders {
            roots[name, default: 0] += count
        } else {
            otherRoots += count
        }
    }

    private mutating func addExample(_ uid: String) {
        if uidExamples.count < Self.maximumUIDExamples, !uidExamples.contains(uid) { uidExamples.append(uid) }
    }

    /// What the refusals mean, or nil when there were none.
    /// - Parameters:
    ///   - believed: libvirt records believed in the same input: with them, a root sender of
    ///     another type is more likely a forger than this host's libvirt.
    ///   - database: the store, for the command given.
    public func warning(believed: Int, database: String? = nil) -> String? {
        let total = total
        guard total > 0 else { return nil }
        // Root senders first, the most records first: the one to name in the config file leads.
        let ranked = roots.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (name: Self.shown($0.key), count: $0.value) }
        var named = ranked.map { "\($0.name) (\($0.count))" }
        if otherRoots > 0 { named.append("other root senders (\(otherRoots))") }
        if nonRoot > 0 {
            let uids = uidExamples.map(Self.shown).joined(separator: ", ")
            named.append("senders that were not root (\(nonRoot): \(uids)\(nonRoot > uidExamples.count ? ", …" : ""))")
        }
        var text = "\(total) libvirt record\(total == 1 ? "" : "s") naming a guest \(total == 1 ? "was" : "were") refused, sent by "
            + "\(named.joined(separator: ", ")): only root running as a libvirt daemon is believed, so the guests they start, "
            + "stop or label are not mapped to their labels, and those guests' denials show unknown labels. "
        if let first = ranked.first?.name {
            let which = ranked.count == 1 ? first : "one of \(ranked.map(\.name).joined(separator: ", "))"
            if believed > 0 {
                text += "libvirt's own records were believed in the same input (\(believed)), so these were most likely forged; "
                    + "only if \(which) is also a libvirt of this host (KubeVirt's virt-launcher, a libvirt under another policy), "
            } else {
                text += "If \(which) is this host's libvirt (KubeVirt's virt-launcher, a libvirt under another policy), "
            }
            text += "name it in libvirt_senders in the config file (svirt-trace.conf(5); watch reads it when it starts) and read "
                + "the logs again into a new store; if not, they were forged: "
        } else {
            text += "libvirt runs as root, so they were forged: "
        }
        return text + "svirt-trace query events --kind untrusted-virt-record" + (database.map { " --db \($0)" } ?? "")
    }

    private static func shown(_ name: String) -> String {
        name.count > maximumNameLength ? String(name.prefix(maximumNameLength)) + "…" : name
    }
}
