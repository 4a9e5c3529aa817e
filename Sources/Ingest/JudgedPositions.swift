import AuditStream
import Guests
import Store

/// Per node, the newest event a watch handed to its alert engine, kept in the store with the
/// transaction that stored it (its checkpoint, its windows).
///
/// An event another writer stored first (an `ingest` of the followed log, run beside watch or
/// while it was stopped) is "already stored" when watch reads it, and no writer alerted on it.
/// Watch also reads again, after a restart, the few events between its checkpoint and the last
/// ones it stored, and those were alerted on. The newest judged position tells the two apart: an
/// already stored event past it is one watch has never seen, and is judged for alerts (not
/// stored, not counted again); one at or before it was judged already.
///
/// A node without a position (a first start, a node watch never judged) judges nothing again:
/// what an ingest stored before watch ever ran on that node is history, not news.
///
/// Watch reaches such events only if it reads them: a source's checkpoint is shared, and an
/// ingest that read the file moved it past them. So watch also keeps where its own reading of
/// each source stood, and starts from there when that is behind the shared checkpoint.
struct JudgedPositions {
    private(set) var newest: [String: EventPosition]
    /// Nodes (NodeName.key) whose position moved since the last `takeChanges`.
    private var changed: Set<String> = []
    /// A crafted log may name a node per line; past this many, new nodes get no position.
    static let maximumNodes = 10_000
    /// Per source id, where this watch's reading stood at its last commit.
    private var read: [Int64: SourceCheckpoint]
    private var changedReads: Set<Int64> = []

    init(stored: [String: EventPosition], read: [Int64: SourceCheckpoint]) {
        newest = stored
        self.read = read
    }

    /// Where to start reading a source whose shared checkpoint is `shared` and whose first record
    /// is `first` (on `node`): where this watch's own reading stood, when another writer moved the
    /// checkpoint past it; its start, when watch never read it and it begins after the newest
    /// event watch judged on that node (written while watch was stopped, read by an ingest).
    /// - Parameter unreadFromStart: a source this watch never read is read from its start whatever
    ///   it begins with: the auditd plugin's catch-up, whose own reading is of its stream, not of
    ///   the files its catch-up reads (and which it starts at the file where its stream stopped).
    func start(for shared: SourceCheckpoint, first: LogHead?, node: String?, unreadFromStart: Bool = false) -> SourceCheckpoint {
        if let own = read[shared.id] { return own.byteOffset < shared.byteOffset ? own : shared }
        if unreadFromStart, shared.byteOffset > 0, !newest.isEmpty { return SourceCheckpoint(id: shared.id, byteOffset: 0, line: 0) }
        // A copy may begin in the very millisecond of the last event judged (libvirt logs a
        // guest's start in bursts of one millisecond, and a rotation may fall inside one), and
        // records near a rotation interleave: one that begins up to a minute before is read
        // from its start too, its events up to the mark skipped as judged (helper-80).
        guard shared.byteOffset > 0, let first, let mark = newest[NodeName.key(node)],
              first.timeMilliseconds >= mark.timeMilliseconds &- Self.copyStartSlackMilliseconds else { return shared }
        return SourceCheckpoint(id: shared.id, byteOffset: 0, line: 0)
    }

    static let copyStartSlackMilliseconds: Int64 = 60_000

    mutating func read(_ point: SourceCheckpoint) {
        guard read[point.id] != point else { return }
        read[point.id] = point
        changedReads.insert(point.id)
    }

    mutating func takeReadChanges() -> [SourceCheckpoint] {
        defer { changedReads.removeAll(keepingCapacity: true) }
        return changedReads.sorted().compactMap { read[$0] }
    }

    /// Whether an already stored event of this node and position was never judged by this watch.
    /// Whether this watch judged anything of `node` yet: without a mark, nothing another writer
    /// stored for it is judged again.
    func hasMark(node: String?) -> Bool { newest[NodeName.key(node)] != nil }

    func isUnjudged(node: String?, at position: EventPosition) -> Bool {
        guard let mark = newest[NodeName.key(node)] else { return false }
        return mark < position
    }

    mutating func judged(node: String?, at position: EventPosition) {
        let key = NodeName.key(node)
        if let mark = newest[key] {
            guard mark < position else { return }
        } else if newest.count >= Self.maximumNodes {
            return
        }
        newest[key] = position
        changed.insert(key)
    }

    /// The positions to write with the transaction about to commit.
    mutating func takeChanges() -> [String: EventPosition] {
        defer { changed.removeAll(keepingCapacity: true) }
        var out: [String: EventPosition] = [:]
        for key in changed { out[key] = newest[key] }
        return out
    }
}
