import AuditStream
import Guests

/// One denial event: every AVC record of the event, its syscall context, who was on each side at
/// the event's time, and the one kind it was classified as.
public struct Denial: Sendable, Equatable {
    public var id: AuditEventID
    public var avcs: [AVCDetail]
    /// The primary AVC's contexts, parsed once.
    public var source: ContextView
    public var target: ContextView
    public var context: SyscallContext
    public var kind: DenialKind
    /// The boolean that would allow it (needs-boolean only).
    public var boolean: String?
    /// Candidate source guests: one when the label (and pid) settle it, several after a collision.
    public var sources: [Lease]
    public var targets: [Lease]
    /// Why an `unattributed` denial could not be attributed; nil for every other kind.
    public var reason: String?
    /// Set on a flood's repeats (ingest's memo): the same number for denials that are equal but
    /// for their identity (`id` and the AVC records' lines), so a consumer can keep what it
    /// worked out for the first (a rule, a key) instead of working it out per event. Never
    /// reused within a process; not part of equality.
    public var repeatOf: Int?

    public static func == (a: Denial, b: Denial) -> Bool {
        a.id == b.id && a.avcs == b.avcs && a.source == b.source && a.target == b.target && a.context == b.context
            && a.kind == b.kind && a.boolean == b.boolean && a.sources == b.sources && a.targets == b.targets
            && a.reason == b.reason
    }

    public init(id: AuditEventID, avcs: [AVCDetail], context: SyscallContext, kind: DenialKind,
                boolean: String?, sources: [Lease], targets: [Lease]) {
        self.id = id
        self.avcs = avcs
        self.source = ContextView(avcs[0].scontext)
        self.target = ContextView(avcs[0].tcontext)
        self.context = context
        self.kind = kind
        self.boolean = boolean
        self.sources = sources
        self.targets = targets
    }

    public init(id: AuditEventID, avcs: [AVCDetail], source: ContextView, target: ContextView,
                context: SyscallContext, kind: DenialKind, boolean: String?, sources: [Lease], targets: [Lease]) {
        self.id = id
        self.avcs = avcs
        self.source = source
        self.target = target
        self.context = context
        self.kind = kind
        self.boolean = boolean
        self.sources = sources
        self.targets = targets
    }

    public var primary: AVCDetail { avcs[0] }

    /// Union of the permissions of every AVC record, in first-seen order.
    public var perms: [String] {
        var seen: Set<String> = []
        return avcs.flatMap(\.perms).filter { seen.insert($0).inserted }
    }

    /// The access happened anyway: some record was logged in permissive mode.
    public var permissive: Bool? {
        let flags = avcs.compactMap(\.permissive)
        return flags.isEmpty ? nil : flags.contains(true)
    }

    /// The path that best names the target: the PATH record, else the AVC's name.
    public var path: String? {
        context.paths.first ?? primary.name
    }
}
