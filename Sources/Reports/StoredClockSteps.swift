import Native
import Store

/// The steps of a clock back a store kept, per node in the order logged, to answer "did this
/// lease hold its label at that instant" by the stamps a lease is stored with.
///
/// When a node's clock stepped back between a lease's start and its stop, the stamps from the
/// step's first one up to the newest one before it were logged twice, and the lease held its
/// label over both: from its start to the newest stamp before the step, from the step's first
/// stamp to the newest before the next step, and so on, from the last step's first stamp to its
/// stop. Read as one interval of stamps, such a lease was missed before the step, and one
/// stopped within the step's stretch matched no instant at all: `query label --at` then named no
/// holder of a label that a guest held (session 53).
///
/// A step lies inside a lease when it was stored after the lease's start event and not after its
/// stop event (audit event ids: the order stored, the order logged within a log); serials alone
/// would take a step of another boot, whose serials started over, for one of this lease's
/// (helper-108). A lease read from status XML ran since before its log: every step before its
/// stop lies inside it. One whose start or stop event is gone (pruned) is read as one interval,
/// as before.
struct StoredClockSteps {
    struct Step {
        /// The audit event the step was stored with: the first one logged after it.
        var eventID: Int64
        /// Its stamp: the first of the repeated stretch.
        var from: Int64
        /// The newest stamp logged before the step: the end of the stretch.
        var newestBefore: Int64
    }

    /// A lease as stored: its node (`""` for logs without node=), stamps and serials.
    struct Lease {
        var node: String
        var from: Int64?
        var fromSerial: Int64?
        var to: Int64?
        var toSerial: Int64?
    }

    private var byNode: [ExactText: [Step]] = [:]
    /// Per node, the widest span of stamps a step can make a lease hold beyond its own interval.
    private var reach: [ExactText: (low: Int64, high: Int64)] = [:]
    private let events: (any SQLCursor)?

    var isEmpty: Bool { byNode.isEmpty }

    init(_ db: any SQLReader) throws {
        for r in try db.rows("""
            SELECT e.node, e.audit_event_id, e.time_ms, \(SQLConditions.clockStepBack("e")) FROM events e
            WHERE e.kind = 'clock-step' AND e.audit_event_id IS NOT NULL AND e.time_ms IS NOT NULL ORDER BY e.audit_event_id
            """) {
            guard let id = r[1].int64, let from = r[2].int64, let back = r[3].int64, back > 0 else { continue }
            let (newest, overflow) = from.addingReportingOverflow(back)
            guard !overflow else { continue }
            let node = ExactText(r[0].string ?? "")
            byNode[node, default: []].append(Step(eventID: id, from: from, newestBefore: newest))
            let known = reach[node] ?? (from, newest)
            reach[node] = (min(known.low, from), max(known.high, newest))
        }
        events = byNode.isEmpty ? nil : try db.lookup("""
            SELECT min(id) FROM audit_events WHERE node = ? AND serial = ? AND time_ms = ?
            """)
    }

    /// Whether the lease held its label at `at`.
    func held(_ lease: Lease, at: Int64) throws -> Bool {
        let plain = (lease.from.map { $0 <= at } ?? true) && (lease.to.map { at < $0 } ?? true)
        let node = ExactText(lease.node)
        guard !plain, let steps = byNode[node], let reach = reach[node],
              at >= min(lease.from ?? .min, reach.low), at <= max(reach.high, lease.to ?? .max) else { return plain }
        // A lease read from status XML ran since before its log began: every step before its
        // stop lies inside it.
        let startID: Int64
        if let from = lease.from {
            guard let fromSerial = lease.fromSerial, let id = try eventID(node: lease.node, serial: fromSerial, time: from) else { return plain }
            startID = id
        } else {
            startID = .min
        }
        var stopID: Int64?
        if let to = lease.to {
            guard let toSerial = lease.toSerial, let id = try eventID(node: lease.node, serial: toSerial, time: to) else { return plain }
            stopID = id
        }
        var start = lease.from ?? .min
        var spanned = false
        for step in steps[Self.firstStep(after: startID, in: steps)...] {
            if let stopID, step.eventID > stopID { break }
            spanned = true
            if start <= at && at <= step.newestBefore { return true }
            start = step.from
        }
        guard spanned else { return plain }
        return start <= at && (lease.to.map { at < $0 } ?? true)
    }

    /// Whether a step of this node was stored after audit event `after` and not after `upTo`: then
    /// an event stored later can carry the older stamp.
    func stepBetween(node: String, after: Int64, upTo: Int64) -> Bool {
        guard after < upTo, let steps = byNode[ExactText(node)] else { return false }
        let first = Self.firstStep(after: after, in: steps)
        return first < steps.count && steps[first].eventID <= upTo
    }

    /// The index of the first step stored after audit event `id` (steps are in the order
    /// stored), by halving; `steps.count` when none is.
    private static func firstStep(after id: Int64, in steps: [Step]) -> Int {
        var low = 0, high = steps.count
        while low < high {
            let middle = (low + high) / 2
            if steps[middle].eventID > id { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private func eventID(node: String, serial: Int64, time: Int64) throws -> Int64? {
        guard let events else { return nil }
        try events.bind([.text(node), .integer(serial), .integer(time)])
        return try events.step() ? events.int64(at: 0) : nil
    }
}
