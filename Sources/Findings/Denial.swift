import AuditStream
import Guests

/// One denial event: every AVC record of the event, its syscall context, who was on each side at
/// the event's time, and the one kind it was classified as.
public struct Denial: Sendable, Equatable {
    public var id: AuditEventID
    public var avcs: [AVCDetail]
    /// The AVC record the denial is classified by (`primary`): the first, unless the event was
    /// denied on several objects and another's is graver (`DenialGravity`). The kernel
    /// logs an unlink's parent directory before the file: a guest deleting another guest's
    /// image must not pass for one touching a host directory.
    public var primaryIndex = 0
    /// Set on a flood's repeats (ingest's memo): the same number for denials that are equal but
    /// for their identity (`id` and the AVC records' lines), so a consumer can keep what it
    /// worked out for the first (a rule, a key) instead of working it out per event. Never
    /// reused within a process; not part of equality.
    public var repeatOf: Int?

    /// What a flood's repeats share, behind one reference: a denial is copied several times on
    /// its way from the correlator to the store and the alert engine, and copying some thirty
    /// strings and arrays each time cost more than storing it. Copied on write.
    private final class Shared: @unchecked Sendable {
        // Mutated only through `sharedForWriting()`, which copies unless this denial is its sole
        // owner: no two threads ever see a write.
        var source: ContextView
        var target: ContextView
        var context: SyscallContext
        var kind: DenialKind
        var boolean: String?
        var sources: [Lease]
        var targets: [Lease]
        var reason: String?

        init(source: ContextView, target: ContextView, context: SyscallContext, kind: DenialKind, boolean: String?,
             sources: [Lease], targets: [Lease], reason: String?) {
            self.source = source
            self.target = target
            self.context = context
            self.kind = kind
            self.boolean = boolean
            self.sources = sources
            self.targets = targets
            self.reason = reason
        }

        func copy() -> Shared {
            Shared(source: source, target: target, context: context, kind: kind, boolean: boolean, sources: sources,
                   targets: targets, reason: reason)
        }
    }

    private var shared: Shared

    private mutating func sharedForWriting() -> Shared {
        if !isKnownUniquelyReferenced(&shared) { shared = shared.copy() }
        return shared
    }

    /// The primary AVC's contexts, parsed once.
    public var source: ContextView {
        get { shared.source }
        set { sharedForWriting().source = newValue }
    }
    public var target: ContextView {
        get { shared.target }
        set { sharedForWriting().target = newValue }
    }
    public var context: SyscallContext {
        get { shared.context }
        set { sharedForWriting().context = newValue }
    }
    public var kind: DenialKind {
        get { shared.kind }
        set { sharedForWriting().kind = newValue }
    }
    /// The boolean that would allow it (needs-boolean only).
    public var boolean: String? {
        get { shared.boolean }
        set { sharedForWriting().boolean = newValue }
    }
    /// Candidate source guests: one when the label (and pid) settle it, several after a collision.
    public var sources: [Lease] {
        get { shared.sources }
        set { sharedForWriting().sources = newValue }
    }
    public var targets: [Lease] {
        get { shared.targets }
        set { sharedForWriting().targets = newValue }
    }
    /// Why an `unattributed` denial could not be attributed; nil for every other kind.
    public var reason: String? {
        get { shared.reason }
        set { sharedForWriting().reason = newValue }
    }

    public static func == (a: Denial, b: Denial) -> Bool {
        guard a.id == b.id, a.avcs == b.avcs, a.primaryIndex == b.primaryIndex else { return false }
        if a.shared === b.shared { return true }
        return a.source == b.source && a.target == b.target && a.context == b.context
            && a.kind == b.kind && a.boolean == b.boolean && a.sources == b.sources && a.targets == b.targets
            && a.reason == b.reason
    }

    public init(id: AuditEventID, avcs: [AVCDetail], context: SyscallContext, kind: DenialKind,
                boolean: String?, sources: [Lease], targets: [Lease]) {
        self.init(id: id, avcs: avcs, source: ContextView(avcs[0].scontext), target: ContextView(avcs[0].tcontext),
                  context: context, kind: kind, boolean: boolean, sources: sources, targets: targets)
    }

    public init(id: AuditEventID, avcs: [AVCDetail], source: ContextView, target: ContextView,
                context: SyscallContext, kind: DenialKind, boolean: String?, sources: [Lease], targets: [Lease]) {
        self.id = id
        self.avcs = avcs
        shared = Shared(source: source, target: target, context: context, kind: kind, boolean: boolean,
                        sources: sources, targets: targets, reason: nil)
    }

    public var primary: AVCDetail { avcs[primaryIndex] }

    /// Union of the permissions of every AVC record on the primary's object, in first-seen order.
    public var perms: [String] {
        let primary = primary
        return DenialDecoder.permissions(of: avcs, where: { AVCDetail.sameObject(avcs[$0], primary) })
    }

    /// The access happened anyway: some record was logged in permissive mode.
    public var permissive: Bool? {
        let flags = avcs.compactMap(\.permissive)
        return flags.isEmpty ? nil : flags.contains(true)
    }

    /// The path that best names the target: the PATH record, else the AVC's name. When the
    /// event's records name several objects, the PATH record of the primary's (its last
    /// component is the AVC's name): an unlink's first PATH record is the parent directory.
    public var path: String? {
        if avcs.count > 1, let name = primary.name,
           let own = context.paths.first(where: { Self.lastComponent(of: $0) == Substring(name) }) {
            return own
        }
        return context.paths.first ?? primary.name
    }

    private static func lastComponent(of path: String) -> Substring {
        // Bytes for ASCII paths (every path a guest's disk has): counting Characters and
        // splitting into an array cost more than the rest of the denial's row.
        let utf8 = path.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var end = utf8.endIndex
            while utf8.distance(from: utf8.startIndex, to: end) > 1, utf8[utf8.index(before: end)] == 0x2F {
                end = utf8.index(before: end)
            }
            let trimmed = Substring(path)[..<end]
            guard let slash = trimmed.utf8.lastIndex(of: 0x2F) else { return trimmed }
            let after = trimmed.utf8.index(after: slash)
            return after == trimmed.utf8.endIndex ? trimmed : trimmed[after...]
        }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "/", omittingEmptySubsequences: true).last ?? trimmed
    }
}
