import AuditStream
import Guests

/// Places each event on its node's axis (`EventPosition`) so that a clock stepped back does not
/// reorder the lease timeline.
///
/// The kernel stamps an event and gives it a serial together, and serials only grow within a
/// boot; a step of the clock (NTP, hwclock, a VM restored) leaves the serials going on and the
/// stamps starting over in the past. An event that follows, in one stream, an event of its node
/// stamped more than `tolerance` later but with a lower serial was logged after it: it is put at
/// that newer event's time, after it by serial, until the stamps pass it again. So is one of the
/// overlap that reaches the correlator only after the stamps passed (the reader holds an AVC
/// without context records until a record 2 s newer comes), by its serial. Judged by their
/// stamps, the denials of the overlap took the leases of the minutes before the step for their
/// own (18 of 511 denials of a generated log stepped back 60 s).
///
/// A stream is one source, or the files of one rotated set (`audit.log.1`, then `audit.log`),
/// which one ingest reads oldest first and watch follows. Another file may be an older log read
/// later, whose serials (lower, or another boot's) say nothing about this one's. A serial that
/// falls far below the newest (a reboot) starts the node over, and so do stamps more than a day
/// older (lines of another time pasted together).
public struct ClockStepPlacer: Sendable {
    /// A stamp this much older than the newest is a step, not an event whose records the kernel
    /// finished late (a syscall is stamped when it enters, and gets its serial when it is first
    /// logged): up to 2 s, as for the warning about late guest starts, the stamp is kept.
    public static let tolerance: Int64 = 2_000
    /// Out-of-order completion reorders serials by about the number of events in flight; a
    /// serial this far below the newest, or below half of it, is a new boot's.
    static let rebootDrop: Int64 = 10_000
    /// NTP and hwclock steps are seconds to hours; stamps more than a day older are lines of
    /// another time pasted together (bug reports, documentation), and start the node over.
    static let maximumStep: Int64 = 86_400_000
    static let maximumNodes = 4_096
    /// Held events of before a step are the few logged in the seconds before it; past this many
    /// moves, what comes is no such event (a reboot's serials, say), and moving the step's leases
    /// for each cost a pass over the timeline per event (47.7 s against 2.4 s on a crafted reboot
    /// log, helper-99).
    static let maximumMoves = 64
    static let maximumSteps = 16
    /// How far after the newest before a step an event held across it can be stamped: ausearch
    /// holds an event until a record 2 s newer comes (1.99 s at most over 40 stepped logs of
    /// lone AVCs through `ausearch --raw`), and the reader lets its own go at the step. Wider,
    /// another host's lines in a stream without node= 5 s apart were pulled back (helper-103).
    static let heldStamps: Int64 = 3_000

    /// One stretch of a node's events that the clock put in the past.
    public struct Step: Sendable, Equatable {
        public var node: String?
        public var source: String
        /// The first event after the step, as stamped, and the newest before it.
        public var firstStamp: Int64
        public var firstSerial: Int64
        public var newestBefore: Int64
        public var events = 0

        public init(node: String?, source: String, firstStamp: Int64, firstSerial: Int64, newestBefore: Int64, events: Int = 0) {
            self.node = node
            self.source = source
            self.firstStamp = firstStamp
            self.firstSerial = firstSerial
            self.newestBefore = newestBefore
            self.events = events
        }
    }

    /// A step the stamps have passed: events of its serials that still come are placed as in it.
    private struct EndedStep {
        /// Serials after `fromSerial` and before `toSerial` (the event whose stamp passed `at`).
        var fromSerial: Int64
        var toSerial: Int64
        var at: Int64
        var index: Int
        /// The step's first serial: the events below it were logged before the step.
        var firstSerial: Int64

        /// Where an event of this step that comes late goes: nil when it is none of its events.
        func axis(time: Int64, serial: Int64) -> Int64? {
            serial > fromSerial && serial < toSerial && time < at ? at : nil
        }

        /// Where an event logged before the step goes that comes only after the step ended,
        /// stamped up to `heldStamps` after `at`: ausearch prints an event it held (an AVC without
        /// context records) by its stamp, among the overlap's events of that time. At its stamp
        /// it would follow the step's events, logged after it; at `at`, its serial puts it just
        /// before them.
        func axisBefore(time: Int64, serial: Int64) -> Int64? {
            guard time > at, time - at <= ClockStepPlacer.heldStamps else { return nil }
            return serial < firstSerial && firstSerial - serial <= ClockStepPlacer.rebootDrop ? at : nil
        }
    }

    private struct Newest {
        var stream: String
        var time: Int64
        var serial: Int64
        /// The step this node's events are in, as an index in `steps` (`maximumSteps` past the cap).
        var step: Int?
        /// The first serial the current step placed: one below it that comes later is of before the step.
        var firstPlaced: Int64?
        /// How often a held event of before the step moved its axis (see `place`).
        var moves = 0
        var ended: EndedStep?

        /// `EndedStep.axisBefore` of the step this node's stamps passed, while no other step is
        /// on and the event is no new boot's.
        func heldBefore(time: Int64, serial: Int64) -> (axis: Int64, step: Int)? {
            guard step == nil, let ended, !ClockStepPlacer.isReboot(serial, after: self.serial),
                  let axis = ended.axisBefore(time: time, serial: serial) else { return nil }
            return (axis, ended.index)
        }

        init(stream: String, time: Int64, serial: Int64) {
            self.stream = stream
            self.time = time
            self.serial = serial
        }
    }

    private var newest: [String: Newest] = [:]
    /// The steps seen, the first `maximumSteps` of them; a crafted log may step every line.
    public private(set) var steps: [Step] = []
    public private(set) var stepCount = 0
    /// Every event placed after a step, in all steps.
    public private(set) var placedEvents = 0

    /// A step's events were placed at `from`, and now belong at `to` (see `place`).
    public struct AxisMove: Sendable, Equatable {
        public var node: String?
        public var from: Int64
        public var to: Int64

        /// `position` moved with the step's events, if it was one of them.
        public func apply(_ position: EventPosition) -> EventPosition {
            guard position.steppedTo == from else { return position }
            return EventPosition(timeMilliseconds: position.timeMilliseconds, serial: position.serial, placedAt: to)
        }
    }
    /// Set by `place` when the axis of a step moved; the caller moves what it placed there.
    public private(set) var axisMove: AxisMove?
    /// Set by `place` when the event it placed is the first of a step: the step, kept in the
    /// store as a `clock-step` event of its own.
    public private(set) var startedStep: Step?

    public init() {}

    /// The last source's stream: events come a file at a time, and naming the set copies the path.
    private var lastSource: (source: String, stream: String)?

    /// The stream a source belongs to: its rotated set, or itself.
    mutating func stream(of source: String) -> String {
        if let last = lastSource, last.source == source { return last.stream }
        let stream = RotatedLogName.rotation(of: source)?.base ?? source
        lastSource = (source, stream)
        return stream
    }

    /// The event's position, and whether a step placed it.
    public mutating func place(_ id: AuditEventID, source: String) -> (position: EventPosition, stepped: Bool) {
        startedStep = nil
        let time = id.timeMilliseconds, serial = id.serial
        let stamp = EventPosition(timeMilliseconds: time, serial: serial)
        let key = NodeName.key(id.node)
        let stream = stream(of: source)
        guard var last = newest[key], last.stream == stream else {
            if newest.count >= Self.maximumNodes { newest.removeAll(keepingCapacity: true) }
            newest[key] = Newest(stream: stream, time: time, serial: serial)
            return (stamp, false)
        }
        defer { newest[key] = last }
        axisMove = nil
        // The newest event again, grown by records that came later (the reader let it go early,
        // at a step): where it was, and no stamp passing the newest.
        if serial == last.serial, time == last.time { return (stamp, false) }
        if last.step != nil, let first = last.firstPlaced, serial < first, time > last.time || (time == last.time && last.moves > 0) {
            // An event of before the step, by its serial, stamped after the newest seen. One the
            // reader held back (an AVC without context records waits for a record 2 s newer, which
            // the overlap does not bring) was logged shortly before the step's first: it must still
            // go before the step's events, which move up to it. Any other neither moves nor ends
            // the step, unless its serial says a reboot. Stamped as the held event that moved the
            // step, it is another held one of the same moment (ausearch sorts them in among the
            // overlap's by stamp, several to a millisecond): ending the step there left the step's
            // stragglers at their stamps (helper-102).
            if time == last.time {
                if serial > last.serial { last.serial = serial }
            } else if serial > last.serial, first - serial <= Self.rebootDrop, last.moves < Self.maximumMoves {
                axisMove = AxisMove(node: id.node, from: last.time, to: time)
                if let step = last.step, step < steps.count { steps[step].newestBefore = time }
                last.time = time
                last.serial = serial
                last.moves += 1
            } else if Self.isReboot(serial, after: last.serial) {
                last = Newest(stream: stream, time: time, serial: serial)
            }
            return (stamp, false)
        }
        if let held = last.heldBefore(time: time, serial: serial) {
            return (placed(stamp, at: held.axis, step: held.step), true)
        }
        if (time, serial) >= (last.time, last.serial) {
            // The stamps passed the newest: a step ends here, and is remembered for its stragglers.
            // A new boot's first event, stamped later, forgets it: the old boot's serials say
            // nothing of the new one's (helper-103: its guest starts went to the old step's time).
            var next = Newest(stream: stream, time: time, serial: serial)
            if !Self.isReboot(serial, after: last.serial) {
                next.ended = last.step.map {
                    EndedStep(fromSerial: last.serial, toSerial: serial, at: last.time, index: $0, firstSerial: last.firstPlaced ?? serial)
                } ?? last.ended
            }
            last = next
            return (stamp, false)
        }
        if serial > last.serial {
            // Once in a step, every later serial is placed, however close its stamp came: kept, it
            // would go before the events placed at the newest time.
            let (limit, overflow) = last.time.subtractingReportingOverflow(Self.tolerance)
            guard last.step != nil || (!overflow && time < limit) else { return (stamp, false) }
            if last.step == nil {
                let (back, overflow) = last.time.subtractingReportingOverflow(time)
                if overflow || back > Self.maximumStep {
                    last = Newest(stream: stream, time: time, serial: serial)
                    return (stamp, false)
                }
                stepCount += 1
                last.step = min(steps.count, Self.maximumSteps)
                last.firstPlaced = serial
                let step = Step(node: id.node, source: source, firstStamp: time, firstSerial: serial, newestBefore: last.time)
                startedStep = step
                if steps.count < Self.maximumSteps { steps.append(step) }
            }
            return (placed(stamp, at: last.time, step: last.step), true)
        }
        if let ended = last.ended, let axis = ended.axis(time: time, serial: serial) {
            return (placed(stamp, at: axis, step: ended.index), true)
        }
        if Self.isReboot(serial, after: last.serial) { last = Newest(stream: stream, time: time, serial: serial) }
        return (stamp, false)
    }

    /// What an earlier run stored of a source this run reads on from (its checkpoint): the newest
    /// event of one of its nodes, so that a step between the two runs' events is seen. A node this
    /// run already saw in the same stream keeps what it saw, which is newer.
    public mutating func seed(node: String?, timeMilliseconds time: Int64, serial: Int64, source: String) {
        let key = NodeName.key(node)
        let stream = stream(of: source)
        if let known = newest[key], known.stream == stream { return }
        if newest[key] == nil, newest.count >= Self.maximumNodes { newest.removeAll(keepingCapacity: true) }
        newest[key] = Newest(stream: stream, time: time, serial: serial)
    }

    /// A serial far below the newest, or below half of it, is a new boot's.
    static func isReboot(_ serial: Int64, after newest: Int64) -> Bool {
        guard serial < newest else { return false }
        let (drop, overflow) = newest.subtractingReportingOverflow(serial)
        return overflow || drop > rebootDrop || serial < newest / 2
    }

    /// A position read back from the store, where only its stamp is kept, put where this run placed
    /// it: after another writer's commit the lease timeline is read again, and a guest's stop of
    /// the overlap, at its stamp, went before the denials placed in the overlap ahead of it.
    public func replaced(_ position: EventPosition, node: String?) -> EventPosition {
        guard position.steppedTo == nil, let last = newest[NodeName.key(node)] else { return position }
        let time = position.timeMilliseconds, serial = position.serial
        if last.step != nil, serial > last.serial, time < last.time {
            return EventPosition(timeMilliseconds: time, serial: serial, placedAt: last.time)
        }
        if let axis = last.ended?.axis(time: time, serial: serial) ?? last.heldBefore(time: time, serial: serial)?.axis {
            return EventPosition(timeMilliseconds: time, serial: serial, placedAt: axis)
        }
        return position
    }

    private mutating func placed(_ stamp: EventPosition, at axis: Int64, step: Int?) -> EventPosition {
        if let step, step < steps.count { steps[step].events += 1 }
        placedEvents += 1
        return EventPosition(timeMilliseconds: stamp.timeMilliseconds, serial: stamp.serial, placedAt: axis)
    }
}
