import Guests

/// Whether the lease data of a node is complete at a point of its timeline: whether no guest with
/// an unknown label can be running there. Only then does "no known lease covers this label" mean
/// that no guest held it.
///
/// The rule (README, "Coverage"):
/// * An anchor makes the data complete from its position on: a SYSTEM_BOOT record of the node (no
///   guest survives a reboot), or a status-XML snapshot (every running guest is known with its
///   label). The snapshot `ingest --libvirt-state` reads stands before the node's first event,
///   like the leases it gives; a later caller may add a snapshot at any event position.
/// * Before the node's first anchor the data is incomplete.
/// * A stop (VIRT_CONTROL op=stop) of a guest that holds no lease and whose leases did not end
///   since the last anchor is a guest that ran with a label never seen. Since it was not running
///   at that anchor, it started after it: the data is incomplete from the last anchor up to (not
///   including) that stop. The stop arrives after the denials it concerns, so those are stored
///   first and reclassified when it arrives.
///
/// Positions are event time (milliseconds, then serial) of the node's own log, never the clock.
public struct Coverage: Sendable {
    private struct NodeMarks: Sendable {
        /// Sorted; nil (the node's start) first.
        var anchors: [EventPosition?] = []
        /// Unseen stops, sorted by position.
        var stops: [CoverageMark] = []
    }

    private var nodes: [String: NodeMarks] = [:]

    public init(marks: [CoverageMark] = []) {
        for mark in marks { add(mark) }
    }

    public mutating func add(_ mark: CoverageMark) {
        var marks = nodes[NodeName.key(mark.node)] ?? NodeMarks()
        if mark.isAnchor {
            let index = marks.anchors.firstIndex { Self.isBefore(mark.position, $0) } ?? marks.anchors.count
            if !marks.anchors.contains(mark.position) { marks.anchors.insert(mark.position, at: index) }
        } else if let position = mark.position {
            let index = marks.stops.firstIndex { ($0.position ?? position) > position } ?? marks.stops.count
            marks.stops.insert(mark, at: index)
        }
        nodes[NodeName.key(mark.node)] = marks
    }

    /// Marks placed with a step whose events moved go with them, as its leases do
    /// (`ClockStepPlacer.AxisMove`): left behind, an unseen guest's stop in the step seemed to
    /// come before the step's denials placed after the move, and its gap was not said.
    public mutating func move(_ move: ClockStepPlacer.AxisMove) {
        let key = NodeName.key(move.node)
        guard var marks = nodes[key] else { return }
        let anchors = marks.anchors.map { $0.map(move.apply) }
        let stops = marks.stops.map { stop in
            var moved = stop
            moved.position = stop.position.map(move.apply)
            if case .at(let start)? = stop.gapStart { moved.gapStart = .at(move.apply(start)) }
            return moved
        }
        guard anchors != marks.anchors || stops != marks.stops else { return }
        marks.anchors = anchors.sorted { Self.isBefore($0, $1) }
        marks.stops = stops.sorted { Self.isBefore($0.position, $1.position) }
        nodes[key] = marks
    }

    /// nil sorts first: the node's start.
    private static func isBefore(_ a: EventPosition?, _ b: EventPosition?) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let a?, let b?): return a < b
        }
    }

    /// The last anchor at or before `position`: nil when there is none.
    public func lastAnchor(node: String?, atOrBefore position: EventPosition) -> CoverageMark.Start? {
        guard let anchors = nodes[NodeName.key(node)]?.anchors else { return nil }
        guard let last = anchors.last(where: { $0.map { $0 <= position } ?? true }) else { return nil }
        return last.map { .at($0) } ?? .nodeStart
    }

    /// Why lease data is incomplete at `position` on `node`; nil when it is complete.
    public func gap(node: String?, at position: EventPosition) -> String? {
        let marks = nodes[NodeName.key(node)] ?? NodeMarks()
        guard marks.anchors.contains(where: { $0.map { $0 <= position } ?? true }) else {
            return Self.noAnchorReason(node: node)
        }
        let next = marks.anchors.first { $0.map { $0 > position } ?? false } ?? nil
        for stop in marks.stops {
            guard let at = stop.position, at > position else { continue }
            if let next, at >= next { break }
            return Self.reason(stop)
        }
        return nil
    }

    /// The nodes with any mark.
    public var nodeNames: [String] { nodes.keys.sorted() }

    public static func noAnchorReason(node: String?) -> String {
        "lease data incomplete: no SYSTEM_BOOT and no status XML for node \(node ?? "-") before this event"
    }

    /// Why the interval a gap mark (an unseen stop or start) ends is incomplete.
    public static func reason(_ mark: CoverageMark) -> String {
        guard mark.kind == .unseenStart else { return unseenStopReason(mark) }
        let guest = mark.vm.map { "\($0) (\(mark.uuid ?? "?"))" } ?? mark.uuid ?? "?"
        return "lease data incomplete: guest \(guest) was found running in libvirt's status XML with no start in the log, "
            + "so it ran with a label never seen before then"
    }

    public static func unseenStopReason(_ stop: CoverageMark) -> String {
        let guest = stop.vm.map { "\($0) (\(stop.uuid ?? "?"))" } ?? stop.uuid ?? "?"
        let stamp = stop.position.map { " at \($0.timeMilliseconds / 1000).\(threeDigits($0.timeMilliseconds % 1000)):\($0.serial)" } ?? ""
        return "lease data incomplete: the interval ends with the stop of guest \(guest)\(stamp), whose label was never seen"
    }
}

/// Three digits, zero-padded (the milliseconds of an audit stamp).
private func threeDigits(_ value: Int64) -> String {
    let digits = String(abs(value))
    return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
}
