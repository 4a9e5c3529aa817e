import Guests

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
struct JudgedPositions {
    private(set) var newest: [String: EventPosition]
    /// Nodes (NodeName.key) whose position moved since the last `takeChanges`.
    private var changed: Set<String> = []
    /// A crafted log may name a node per line; past this many, new nodes get no position.
    static let maximumNodes = 10_000

    init(stored: [String: EventPosition]) {
        newest = stored
    }

    /// Whether an already stored event of this node and position was never judged by this watch.
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
