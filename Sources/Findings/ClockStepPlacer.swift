import AuditStream
import Guests

/// Places each event on its node's axis (`EventPosition`) so that a clock stepped back does not
/// reorder the lease timeline.
///
/// The kernel stamps an event and gives it a serial together, and serials only grow within a
/// boot; a step of the clock (NTP, hwclock, a VM restored) leaves the serials going on and the
/// stamps starting over in the past. An event that follows, in one source, an event of its node
/// stamped more than `tolerance` later but with a lower serial was logged after it: it is put at
/// that newer event's time, after it by serial, until the stamps pass it again. Judged by their
/// stamps, the denials of the overlap took the leases of the minutes before the step for their
/// own (23 of 124 denials named the wrong guest after a 120 s step, helper-75).
///
/// Only within one stream of the node: one source, and the next file of a rotation, recognised
/// by its first serial going on from the last file's. Another file may be an older log read later,
/// whose serials (lower, or another boot's) say nothing about this one's. A serial that falls far
/// below the newest (a reboot) starts the node over.
public struct ClockStepPlacer: Sendable {
    /// A stamp this much older than the newest is a step, not an event whose records the kernel
    /// finished late (a syscall is stamped when it enters, and gets its serial when it is first
    /// logged): up to a second, the stamp is kept, as it always was.
    public static let tolerance: Int64 = 1_000
    /// Out-of-order completion reorders serials by about the number of events in flight; a
    /// serial this far below the newest, or below half of it, is a new boot's.
    static let rebootDrop: Int64 = 10_000
    /// NTP and hwclock steps are seconds to hours; stamps more than a day older are lines of
    /// another time pasted together (bug reports, documentation), and start the node over.
    static let maximumStep: Int64 = 86_400_000
    static let maximumNodes = 4_096
    /// How far the first serial of a node's next file may lie from the last one's highest for
    /// the two to be one stream (a rotation); out-of-order completion straddles the cut by a few.
    static let rotationGap: UInt64 = 1_000

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

    private struct Newest {
        var source: String
        var time: Int64
        var serial: Int64
        /// The step this node's events are in, as an index in `steps` (or in none past the cap).
        var step: Int?
        /// The highest serial of the node in this source, placed or not: where the next file of a
        /// rotation goes on.
        var highestSerial: Int64

        init(source: String, time: Int64, serial: Int64) {
            self.source = source
            self.time = time
            self.serial = serial
            highestSerial = serial
        }

        /// The first event of another source goes on from this one when its serial is within
        /// `rotationGap` of the highest here: auditd's next file after a rotation. An older log
        /// read later starts a whole file's serials lower, or in another boot's.
        func isContinued(by serial: Int64) -> Bool {
            let (gap, overflow) = serial.subtractingReportingOverflow(highestSerial)
            return !overflow && gap.magnitude <= ClockStepPlacer.rotationGap
        }
    }

    private var newest: [String: Newest] = [:]
    /// The steps seen, the first `maximumSteps` of them; a crafted log may step every line.
    public private(set) var steps: [Step] = []
    public private(set) var stepCount = 0
    /// Every event placed after a step, in all steps.
    public private(set) var placedEvents = 0
    static let maximumSteps = 16

    public init() {}

    /// The event's position, and whether a step placed it.
    public mutating func place(_ id: AuditEventID, source: String) -> (position: EventPosition, stepped: Bool) {
        let time = id.timeMilliseconds, serial = id.serial
        let stamp = EventPosition(timeMilliseconds: time, serial: serial)
        let key = NodeName.key(id.node)
        guard var last = newest[key], last.source == source || last.isContinued(by: serial) else {
            if newest.count >= Self.maximumNodes { newest.removeAll(keepingCapacity: true) }
            newest[key] = Newest(source: source, time: time, serial: serial)
            return (stamp, false)
        }
        last.source = source
        last.highestSerial = max(last.highestSerial, serial)
        defer { newest[key] = last }
        if (time, serial) >= (last.time, last.serial) {
            last = Newest(source: source, time: time, serial: serial)
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
                    last = Newest(source: source, time: time, serial: serial)
                    return (stamp, false)
                }
                stepCount += 1
                last.step = min(steps.count, Self.maximumSteps)
                if steps.count < Self.maximumSteps {
                    steps.append(Step(node: id.node, source: source, firstStamp: time, firstSerial: serial,
                                      newestBefore: last.time))
                }
            }
            if let step = last.step, step < steps.count { steps[step].events += 1 }
            placedEvents += 1
            return (EventPosition(timeMilliseconds: time, serial: serial, placedAt: last.time), true)
        }
        let (drop, overflow) = last.serial.subtractingReportingOverflow(serial)
        if overflow || drop > Self.rebootDrop || serial < last.serial / 2 {
            last = Newest(source: source, time: time, serial: serial)
        }
        return (stamp, false)
    }
}
