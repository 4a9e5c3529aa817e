import Store
/// Everything one digest says, as plain values: the renderers (text, HTML) only lay it out, so
/// both always carry the same facts.
public struct DigestData: Sendable {
    public struct Headline: Sendable, Equatable {
        public var crossGuest: Int64 = 0
        public var unknownLabels: Int64 = 0
        public var guestHost: Int64 = 0
        public var allowed: Int64 = 0
        public var policyChanges: Int64 = 0
        public var denials: Int64 = 0

        public init() {}
    }

    public struct Pair: Sendable {
        public var sourceVM: String
        public var sourceUUID: String?
        public var targetVM: String
        public var targetUUID: String?
        public var count: Int64
        public var perms: [String]
        public var first: Int64
        public var last: Int64
        public var nodes: [String]
        public var allowed: Int64
    }

    /// Guest-host denials of one guest on one host type and class (`svirt-trace query denials
    /// --kind guest-host` lists them one by one).
    public struct GuestHost: Sendable {
        public var sourceVM: String
        public var sourceUUID: String?
        public var targetType: String
        public var tclass: String
        public var perms: [String]
        public var count: Int64
        public var allowed: Int64
        public var last: Int64
        public var nodes: [String]
        /// What watch would alert it as (the alert rules' severity), filled by the caller that
        /// knows the rules; nil until then.
        public var severity: String?

        public init(sourceVM: String, sourceUUID: String?, targetType: String, tclass: String, perms: [String],
                    count: Int64, allowed: Int64, last: Int64, nodes: [String], severity: String? = nil) {
            self.sourceVM = sourceVM
            self.sourceUUID = sourceUUID
            self.targetType = targetType
            self.tclass = tclass
            self.perms = perms
            self.count = count
            self.allowed = allowed
            self.last = last
            self.nodes = nodes
            self.severity = severity
        }
    }

    /// Cross-guest denials of one pair on one node, for the per-node heatmaps.
    public struct NodePair: Sendable {
        public var node: String
        public var sourceVM: String
        public var targetVM: String
        public var count: Int64
    }

    public struct GuestCount: Sendable {
        public var vm: String
        public var uuid: String?
        public var asSource: Int64
        public var asTarget: Int64
        public var total: Int64 { asSource + asTarget }
    }

    public struct NewGuest: Sendable {
        public var vm: String
        public var uuid: String
        public var node: String
        public var firstSeen: Int64
    }

    public struct UnknownLabel: Sendable {
        public var level: String
        public var side: String  // source | target
        public var count: Int64
        public var last: Int64
        public var nodes: [String]
    }

    /// A label collision or an enforcing, boolean or policy change.
    public struct Change: Sendable {
        public var time: Int64
        public var node: String
        public var kind: String
        public var summary: String
        public var auid: Int64?
        public var user: String?
        public var exe: String?
        public var serial: Int64?

        /// Who made the change: `NAME (auid N)` where the log named the user, `auid N`, or no
        /// login user when the auid was unset (a daemon or boot script).
        public var actor: String? {
            if let user { return "\(user) (auid \(auid.map(String.init) ?? "?"))" }
            return auid.map { $0 == 4_294_967_295 || $0 == -1 ? "no login user (auid unset)" : "auid \($0)" }
        }
    }

    public struct Finding: Sendable {
        public var kind: String
        public var sourceVM: String?
        public var boolean: String?
        public var path: String?
        public var tclass: String
        public var count: Int64
        public var last: Int64
    }

    /// Every finding of one kind (and, for needs-boolean, one boolean) in the period, whatever
    /// the list cap: the counts a capped list is summed up by.
    public struct FindingTotal: Sendable, Equatable {
        public var kind: String
        public var boolean: String?
        /// Rows the list would have uncapped (guest, object and class).
        public var groups: Int
        public var denials: Int64
        public var guests: Int
    }

    public struct NodeHealth: Sendable {
        public var node: String
        public var events: Int64
        public var lastEvent: Int64?
        public var silent: Bool
    }

    /// Lease data incomplete on a node over part of the period: a label no known guest held may
    /// have been a guest's never seen (`query coverage`).
    public struct CoverageGap: Sendable, Equatable {
        public var node: String
        public var from: Int64
        public var to: Int64
    }

    public var period: DigestPeriod
    public var nodes: [String]
    public var detail = DigestDetail.med
    public var headline = Headline()
    public var previous = Headline()
    public var pairs: [Pair] = []
    public var pairCount = 0
    /// Every cross-guest pair per node (the heatmaps; capped by the renderer).
    public var nodePairs: [NodePair] = []
    /// Guest-host groups, most severe first once `severity` is filled; `guestHostCount` counts all.
    public var guestHost: [GuestHost] = []
    public var guestHostCount = 0
    public var topGuests: [GuestCount] = []
    public var newGuests: [NewGuest] = []
    public var unknownLabels: [UnknownLabel] = []
    /// Every unknown label (and side) of the period; `unknownLabels` holds the first of them.
    public var unknownLabelCount = 0
    public var changes: [Change] = []

    /// `changes` with at most `cap` of each kind, in their order: a busy kind (routine boolean
    /// flips, a flood of forged records) leaves a label collision or a clock step its place.
    public func shownChanges(cap: Int) -> [Change] {
        var shown: [String: Int] = [:]
        return changes.filter { change in
            shown[change.kind, default: 0] += 1
            return shown[change.kind]! <= cap
        }
    }
    /// Up to the list cap per kind (per boolean for needs-boolean), most denials first.
    public var findings: [Finding] = []
    public var findingTotals: [FindingTotal] = []

    /// The totals of `kind` (and `boolean`); zero when none.
    public func findingTotal(kind: String, boolean: String? = nil) -> FindingTotal {
        findingTotals.first { $0.kind == kind && $0.boolean == boolean }
            ?? FindingTotal(kind: kind, boolean: boolean, groups: 0, denials: 0, guests: 0)
    }
    public var health: [NodeHealth] = []
    /// Every node the store has events of ('-' for logs without node=), whatever the filter.
    public var knownNodes: [String] = []
    public var parseErrors: [(reason: String, count: Int64)] = []
    /// Leases closed because the guest got a new label with no stop logged: records went missing.
    public var missedStops: Int64 = 0
    /// Stretches where a log rotated away before watch read it (`pipeline-gap` events).
    public var gaps: [PipelineGap] = []
    /// Where lease data was incomplete within the period, clipped to it.
    public var coverageGaps: [CoverageGap] = []
    /// Denials per bucket of `period.bucketMilliseconds`, from `period.since`.
    public var histogram: [Int64] = []

    public init(period: DigestPeriod, nodes: [String]) {
        self.period = period
        self.nodes = nodes
    }

    /// The headline's rows: name, this period, the period before.
    public var headlineRows: [(name: String, now: Int64, before: Int64)] {
        [("cross-guest attempts", headline.crossGuest, previous.crossGuest),
         ("unknown labels", headline.unknownLabels, previous.unknownLabels),
         ("guest-host", headline.guestHost, previous.guestHost),
         ("ALLOWED (permissive)", headline.allowed, previous.allowed),
         ("policy changes", headline.policyChanges, previous.policyChanges),
         ("all denials", headline.denials, previous.denials)]
    }

    /// Nothing worse than information happened: no denial, no collision, no policy change.
    public var isQuiet: Bool {
        headline.denials == 0 && changes.allSatisfy { $0.kind == "policy-load" }
    }
}
