import Native
import SELinux
import Guests

/// Recognises the configurations the seed's sVirt chapter warns of, which quietly remove a guest's
/// isolation: no sVirt label at all, a label that isolates less than a dynamic pair of
/// categories, a whole block device, a disk every guest may write.
///
/// It remembers, per guest being started, the security-model records libvirt wrote
/// (VIRT_MACHINE_ID, one per model, before VIRT_CONTROL op=start): the lease map keeps only the
/// usable labels, but "the selinux record said `vm-ctx=?`" and "there was no selinux record" are
/// both evidence. Entries go at the guest's start or stop, and their number is capped.
public struct PostureDetector: Sendable {
    /// One VIRT_MACHINE_ID record as logged.
    public struct ModelRecord: Sendable, Equatable {
        public var model: String
        /// nil when logged as `?`.
        public var vmContext: String?
        public var imageContext: String?

        /// `model=selinux vm-ctx=? img-ctx=?`, for an event's detail.
        public var text: String {
            "model=\(model) vm-ctx=\(vmContext ?? "?") img-ctx=\(imageContext ?? "?")"
        }
    }

    private var pending: [String: [ModelRecord]] = [:]
    /// Guests whose records were seen but whose start never came (a failed start without a
    /// record, a log cut short): bounded so a long watch cannot grow without end.
    static let pendingLimit = 4_096

    public init() {}

    /// Notes a VIRT_MACHINE_ID record. A record for a model already noted begins a new start.
    public mutating func sawMachineID(node: String?, uuid: String, _ record: ModelRecord) {
        let key = Self.key(node: node, uuid: uuid)
        var records = pending[key] ?? []
        if records.contains(where: { $0.model == record.model }) { records = [] }
        records.append(record)
        if pending[key] == nil, pending.count >= Self.pendingLimit { pending.removeAll(keepingCapacity: true) }
        pending[key] = records
    }

    /// The records noted since the guest's last start, and forgets them.
    public mutating func takeRecords(node: String?, uuid: String) -> [ModelRecord] {
        pending.removeValue(forKey: Self.key(node: node, uuid: uuid)) ?? []
    }

    /// Whether any model record was noted for the guest's coming start.
    public func hasRecords(node: String?, uuid: String) -> Bool {
        !(pending[Self.key(node: node, uuid: uuid)] ?? []).isEmpty
    }

    public mutating func forget(node: String?, uuid: String) {
        pending[Self.key(node: node, uuid: uuid)] = nil
    }

    private static func key(node: String?, uuid: String) -> String { "\(NodeName.key(node))\u{0}\(uuid)" }

    // MARK: judgements

    /// Why a process label does not confine its guest, or nil when it does.
    public static func unconfinement(processType: String?) -> String? {
        guard let processType else { return "the label has no readable type" }
        if TypeSets.guestProcess.contains(processType) { return nil }
        return "process type \(processType) is not a confined sVirt guest domain (\(TypeSets.guestProcess.sorted().joined(separator: ", ")))"
    }

    /// How a confined label is weaker than a dynamic pair of categories, and the level its
    /// process can reach (the range's high end); nil for a label of exactly two categories on one
    /// level (a dynamic pair), or one that does not parse.
    public static func weakness(of label: String) -> (reason: String, reach: MLSLevel, low: MLSLevel)? {
        guard let range = (try? SecurityContext.parse(label))?.range else { return nil }
        if !range.isSingleLevel {
            return ("a range (\(range)): its process dominates every level up to \(range.high)", range.high, range.low)
        }
        switch range.low.categories.count {
        case 0: return ("no category (\(range.low)): the level every guest's process dominates", range.high, range.low)
        case 1: return ("one category (\(range.low)): one of only 1,024 such labels, and every guest with that category alone shares it",
                        range.high, range.low)
        case 2: return nil
        default:
            // s0:c0.c1023 is one level, yet it dominates every pair drawn from its categories.
            return ("\(range.low.categories.count) categories (\(range.low)): its process dominates every guest whose pair lies within them",
                    range.high, range.low)
        }
    }

    /// An image label without categories: `svirt_image_t:s0`, the shared read/write label every
    /// confined guest may write.
    public static func isSharedImageLabel(_ label: String?) -> Bool {
        guard let label, let context = try? SecurityContext.parse(label), let level = context.level else { return false }
        return context.type == "svirt_image_t" && level.categories.isEmpty
    }

    /// A whole disk by its kernel name: `/dev/sdb`, `/dev/vdc`, `/dev/xvda`, `/dev/hdb`,
    /// `/dev/nvme0n1`, `/dev/mmcblk0`, with no partition number. The path is read as the kernel
    /// would resolve its dots and repeated slashes (`/dev//sdb`, `/dev/./sdb`). Links
    /// (`/dev/mapper/...`, `/dev/disk/by-id/...`) cannot be resolved from a log and are not judged.
    public static func isWholeDisk(_ path: String) -> Bool {
        guard let name = deviceName(path) else { return false }
        func isLetters(_ s: Substring) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        func isDigits(_ s: Substring) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        for prefix in ["xvd", "sd", "vd", "hd"] where name.hasPrefix(prefix) {
            return isLetters(name.dropFirst(prefix.count))
        }
        if name.hasPrefix("nvme") {
            let rest = name.dropFirst(4)
            let parts = rest.split(separator: "n", omittingEmptySubsequences: false)
            return parts.count == 2 && isDigits(parts[0]) && isDigits(parts[1])
        }
        if name.hasPrefix("mmcblk") { return isDigits(name.dropFirst(6)) }
        return false
    }

    /// The name under /dev of a path that resolves to a file directly in /dev; nil otherwise.
    static func deviceName(_ path: String) -> Substring? {
        guard path.hasPrefix("/") else { return nil }
        let parts = LexicalPath.components(path)
        guard parts.count == 2, parts[0] == "dev" else { return nil }
        return parts[1]
    }
}
