import Findings
import Formatting

/// What one `ingest` run did, for the closing line on stderr.
public struct IngestSummary: Sendable, Equatable {
    public var sources = 0
    public var bytes: Int64 = 0
    public var lines = 0
    public var records = 0
    public var events = 0
    /// Events already stored by an earlier run (resume, rotation, re-run).
    public var duplicates = 0
    /// Of those, events another writer stored before this watch read them, judged for alerts here.
    public var judgedStoredByOthers = 0
    /// Of those, events watch had no mark for the node of, so judged nothing of (a node this
    /// watch had not seen an event of yet): never alerted on.
    public var unjudgedStoredByOthers = 0
    /// Events stored before that this run stored again with more of their records (a lone AVC
    /// whose SYSCALL came later; the rest of an event a rotation split). One this run stored
    /// first is counted once in `events`; one an earlier run stored counts in `events` too, and
    /// in `grownFromEarlierRuns`.
    public var grown = 0
    public var grownFromEarlierRuns = 0
    public var denialsByKind: [String: Int] = [:]
    public var eventsByKind: [String: Int] = [:]
    public var parseErrors = 0
    public var bootstrapped = 0
    /// Denials with an svirt label on either side (every kind but host-other).
    public var svirtDenials = 0
    /// Events with a VIRT_* record (libvirt's lifecycle records).
    public var virtEvents = 0
    /// Denials an earlier run stored that an unseen stop in this run moved to unattributed, by
    /// their old kind (those this run stored are counted under their new kind in denialsByKind).
    public var reclassifiedEarlier: [String: Int] = [:]
    /// svirt denials this run stored whose label no known guest held (unattributed,
    /// unknown-source, unknown-target when stored).
    public var unresolvedDenials = 0
    /// Guest lifecycle records (VIRT_) stored by this run that are older than what the store held
    /// for their node when the run began, or more than 2 s older than what the run had stored for
    /// it: a log read after a newer one (in another run, or concatenated into standard input), or
    /// events read again after a prune. The lease timeline had gone past them.
    public var lateLifecycleEvents = 0
    public var lateLifecycleExample: LateLifecycle?
    /// Where a node's clock stepped back within a source, and the events judged in logged order
    /// after it (`ClockStepPlacer`): the correlator's own count, for the whole session.
    public var clockSteps: [ClockStepPlacer.Step] = []
    public var clockStepCount = 0
    public var eventsPlacedAfterSteps = 0
    /// libvirt records refused for their sender (`untrusted-virt-record`), by sender.
    public var refusedLibvirtSenders = RefusedLibvirtSenders()

    public struct LateLifecycle: Sendable, Equatable {
        public var node: String?
        public var time: Int64
        public var storedUpTo: Int64
    }

    public init() {}

    public var denials: Int { denialsByKind.values.reduce(0, +) }

    /// Adds another summary's counts (a committed transaction's share).
    public mutating func add(_ other: IngestSummary) {
        sources += other.sources
        bytes += other.bytes
        lines += other.lines
        records += other.records
        events += other.events
        duplicates += other.duplicates
        judgedStoredByOthers += other.judgedStoredByOthers
        grown += other.grown
        grownFromEarlierRuns += other.grownFromEarlierRuns
        unjudgedStoredByOthers += other.unjudgedStoredByOthers
        denialsByKind.merge(other.denialsByKind, uniquingKeysWith: +)
        eventsByKind.merge(other.eventsByKind, uniquingKeysWith: +)
        parseErrors += other.parseErrors
        bootstrapped += other.bootstrapped
        svirtDenials += other.svirtDenials
        virtEvents += other.virtEvents
        reclassifiedEarlier.merge(other.reclassifiedEarlier, uniquingKeysWith: +)
        unresolvedDenials += other.unresolvedDenials
        lateLifecycleEvents += other.lateLifecycleEvents
        lateLifecycleExample = lateLifecycleExample ?? other.lateLifecycleExample
        refusedLibvirtSenders.add(other.refusedLibvirtSenders)
    }

    /// What guest starts and stops older than the timeline mean, for ingest's end and watch's log
    /// alike (each adds what its reader can do); nil when there were none.
    public var lateLifecycleWarning: String? {
        guard lateLifecycleEvents > 0, let first = lateLifecycleExample else { return nil }
        let node = first.node.map { "node \($0)" } ?? "the log without node="
        return "\(lateLifecycleEvents) guest start/stop record\(lateLifecycleEvents == 1 ? " is" : "s are") older than events "
            + "already stored for their node (the first at \(Timestamp.iso8601(milliseconds: first.time)) on \(node), which had "
            + "events up to \(Timestamp.iso8601(milliseconds: first.storedUpTo))): they were applied after later ones, so denials "
            + "near them may name the wrong guest"
    }

    /// What steps of a node's clock mean for the store; nil when there were none. Their events
    /// were judged in the order logged, so the timeline holds; their stamps overlap the events
    /// before the step, which time windows and the heatmaps cannot tell apart.
    /// - Parameter counted: whether to say how many events were placed so (watch says it while
    ///   the count still grows, and leaves it out).
    public func clockStepWarning(counted: Bool = true) -> String? {
        guard clockStepCount > 0, let first = clockSteps.first else { return nil }
        let clock = first.node.map { "node \($0)'s clock" } ?? "the host's clock"
        let from = Timestamp.iso8601(milliseconds: first.firstStamp)
        let to = Timestamp.iso8601(milliseconds: first.newestBefore)
        let others = clockStepCount - 1
        let placed = counted
            ? "\(Self.count(eventsPlacedAfterSteps, "event")) logged after \(others > 0 ? "such a step" : "it") with an older stamp "
                + "\(eventsPlacedAfterSteps == 1 ? "was" : "were")"
            : "The events logged after \(others > 0 ? "such a step" : "it") with an older stamp are"
        let source = first.source == "-" ? "standard input" : first.source
        return "\(clock) went back in \(source) (or lines of another time or host were pasted there): serial "
            + "\(first.firstSerial), stamped \(from), was logged after events stamped up to \(to), "
            + "\(SecondsText.of(milliseconds: first.newestBefore - first.firstStamp)) s later"
            + (others > 0 ? " (\(others) more step\(others == 1 ? "" : "s") after it\(otherStepNodes(first)))" : "") + ". "
            + "\(placed) judged in the order logged (by serial), not by their stamps. Stored as logged, those stamps "
            + "overlap the ones before: a time window from \(from) to \(to) holds events of both sides"
    }

    /// Where the steps after `first` were, when not all on its node: one node's step said
    /// "1 more step after it" of another node's (helper-104).
    private func otherStepNodes(_ first: ClockStepPlacer.Step) -> String {
        let kept = clockSteps.dropFirst()
        guard kept.contains(where: { $0.node != first.node }) else { return "" }
        var perNode: [String: Int] = [:]
        for step in kept { perNode[step.node ?? "-", default: 0] += 1 }
        let named = perNode.sorted { $0.key < $1.key }.map { "\($0.value) on \($0.key == "-" ? "the lines without node=" : $0.key)" }
        return ": " + named.joined(separator: ", ") + (kept.count < clockStepCount - 1 ? ", and more not kept" : "")
    }

    /// One line: events read, denials by kind, parse errors.
    public var line: String {
        let kinds = denialsByKind.filter { $0.value != 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        var parts = ["svirt-trace: read \(Self.count(lines, "line")) from \(Self.count(sources, "source"))",
                     "\(Self.count(events, "event")) stored", Self.count(denials, "denial") + (kinds.isEmpty ? "" : " (\(kinds))")]
        let earlier = reclassifiedEarlier.values.reduce(0, +)
        if earlier > 0 {
            let kinds = reclassifiedEarlier.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            parts.append("\(Self.count(earlier, "denial")) stored earlier moved to unattributed (\(kinds))")
        }
        if duplicates > 0 {
            parts.append("\(duplicates) already stored"
                         + (judgedStoredByOthers > 0 ? " (\(judgedStoredByOthers) of them stored by another writer first, judged for alerts here)" : ""))
        }
        if bootstrapped > 0 { parts.append("\(Self.count(bootstrapped, "guest")) from status XML") }
        // Net of the problems a joined event's first piece had (found again in the whole): a
        // join that cured one leaves fewer than before, which is no negative count of errors.
        let found = max(0, parseErrors)
        parts.append(Self.count(found, "parse error"))
        return parts.joined(separator: ", ")
    }

    /// "1 denial", "0 denials", "2 denials": operators grep for these.
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
