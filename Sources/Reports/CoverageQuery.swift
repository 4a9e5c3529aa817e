import Findings
import Formatting
import Native
import Store

/// `query coverage`: per node, the intervals where lease data is complete (a label no known
/// guest held means no guest held it) and where it is not (it may have been a guest never seen),
/// and why. See `Coverage` for the rule.
public struct CoverageQuery: Sendable {
    /// Only these nodes (`-` for logs without node=); all when empty.
    public var nodes: [String] = []

    public init(nodes: [String] = []) { self.nodes = nodes }

    public static let keys = ["node", "from", "to", "lease_data", "why"]

    public struct Interval: Sendable, Equatable {
        /// "" for logs without node=.
        public var node: String
        /// nil: before the node's first stored event.
        public var from: Int64?
        /// nil: still, as far as the store tells.
        public var to: Int64?
        public var complete: Bool
        public var why: String
    }

    public func intervals(_ database: StoreReader) throws -> [Interval] {
        let db = database.connection
        // By bytes, as the stores keep nodes: two spellings of a name (NFC and NFD) are two hosts,
        // each with its own marks.
        let marks = Dictionary(grouping: try database.coverageMarks(), by: { ExactText($0.node ?? "") })
        var names = try db.rows("SELECT node FROM node_activity ORDER BY node").compactMap { $0[0].string }
        if !nodes.isEmpty {
            let wanted = Set(nodes.map { ExactText($0 == "-" ? "" : $0) })
            names = names.filter { wanted.contains(ExactText($0)) }
        }
        var result: [Interval] = []
        for node in names {
            let first = try db.rows("""
                SELECT time_ms FROM audit_events INDEXED BY audit_events_time WHERE node = ? ORDER BY time_ms LIMIT 1
                """, [.text(node)]).first?[0].int64
            result += Self.intervals(node: node, firstEvent: first, marks: marks[ExactText(node)] ?? [])
        }
        return result
    }

    /// The intervals of one node from its marks, in time order.
    public static func intervals(node: String, firstEvent: Int64?, marks: [CoverageMark]) -> [Interval] {
        var anchors: [CoverageMark] = []
        for mark in marks where mark.isAnchor && !anchors.contains(where: { $0.position == mark.position }) {
            anchors.append(mark)
        }
        anchors.sort { a, b in
            guard let p = a.position else { return b.position != nil }
            return b.position.map { p < $0 } ?? false
        }
        let stops = marks.filter { !$0.isAnchor && $0.position != nil }.sorted { $0.position! < $1.position! }
        let label = node.isEmpty ? "-" : node
        var out: [Interval] = []
        let end = anchors.first?.position?.timeMilliseconds
        // Before the first boot or snapshot, unless the node's log begins with it.
        if anchors.first.map({ $0.position != nil }) ?? true, !(firstEvent.flatMap { f in end.map { f >= $0 } } ?? false) {
            out.append(Interval(node: node, from: firstEvent, to: end, complete: false,
                                why: "no SYSTEM_BOOT and no status XML for node \(label)" + (end == nil ? "" : " before this")))
        }
        for (index, anchor) in anchors.enumerated() {
            let start = anchor.position?.timeMilliseconds ?? firstEvent
            let next = index + 1 < anchors.count ? anchors[index + 1].position : nil
            let inside = stops.filter { stop in
                guard let at = stop.position else { return false }
                return (anchor.position.map { at >= $0 } ?? true) && (next.map { at < $0 } ?? true)
            }
            let because = Self.describe(anchor)
            if let last = inside.last?.position {
                let guests = inside.map {
                    "\($0.vm ?? "?") (\($0.uuid ?? "?")) "
                        + ($0.kind == .unseenStart ? "found running in status XML at " : "stopped at ")
                        + Timestamp.iso8601(milliseconds: $0.position!.timeMilliseconds)
                }
                out.append(Interval(node: node, from: start, to: last.timeMilliseconds, complete: false,
                                    why: "after the \(because), a guest with a label never seen ran: " + guests.joined(separator: "; ")))
                out.append(Interval(node: node, from: last.timeMilliseconds, to: next?.timeMilliseconds, complete: true,
                                    why: "\(because); no guest with a label never seen ran after the last such stop"))
            } else {
                out.append(Interval(node: node, from: start, to: next?.timeMilliseconds, complete: true, why: because))
            }
        }
        // An interval whose ends share a millisecond is listed too: positions order events by
        // serial within it, so it may hold some (an unseen start just after a denial).
        return out
    }

    private static func describe(_ anchor: CoverageMark) -> String {
        switch (anchor.kind, anchor.position) {
        case (.systemBoot, let p?): return "SYSTEM_BOOT at \(Timestamp.iso8601(milliseconds: p.timeMilliseconds))"
        case (.statusXML, nil): return "status XML (guests running before the node's first event)"
        case (.statusXML, let p?): return "status XML read after the event of \(Timestamp.iso8601(milliseconds: p.timeMilliseconds))"
        default: return anchor.kind.rawValue
        }
    }

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        for interval in try intervals(database) {
            try emit([
                ("node", interval.node.isEmpty ? .null : .string(interval.node)),
                ("from", interval.from.map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
                ("to", interval.to.map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
                ("lease_data", .string(interval.complete ? "complete" : "incomplete")),
                ("why", .string(interval.why)),
            ])
        }
    }
}
