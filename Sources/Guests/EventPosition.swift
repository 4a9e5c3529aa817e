/// A point on one node's event axis: milliseconds since the epoch, then the audit serial, which
/// orders events within the same millisecond.
///
/// The axis follows the order the kernel logged events in, which is the time stamps' order
/// until the host's clock steps back (NTP, hwclock). An event logged after such a step carries
/// an older stamp than events logged before it; `ClockStepPlacer` then places it at the time of
/// the newest event logged before the step (`axisMilliseconds`), where its serial, which the
/// step does not touch, orders it after them. `timeMilliseconds` stays the stamp as logged: it is
/// what the store keeps and every report shows.
public struct EventPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var timeMilliseconds: Int64
    public var serial: Int64
    /// Set only when it differs from `timeMilliseconds`, so that equal positions are equal values.
    public private(set) var steppedTo: Int64?

    public init(timeMilliseconds: Int64, serial: Int64) {
        self.timeMilliseconds = timeMilliseconds
        self.serial = serial
    }

    /// An event stamped `timeMilliseconds` that the axis puts at `axisMilliseconds`.
    public init(timeMilliseconds: Int64, serial: Int64, placedAt axisMilliseconds: Int64) {
        self.init(timeMilliseconds: timeMilliseconds, serial: serial)
        steppedTo = axisMilliseconds == timeMilliseconds ? nil : axisMilliseconds
    }

    /// Where the axis puts the event: its stamp, unless the clock stepped back before it.
    public var axisMilliseconds: Int64 { steppedTo ?? timeMilliseconds }

    public static func < (a: EventPosition, b: EventPosition) -> Bool {
        (a.axisMilliseconds, a.serial, a.timeMilliseconds) < (b.axisMilliseconds, b.serial, b.timeMilliseconds)
    }

    /// A point `steps` serials later in the same millisecond, between this event and any later
    /// one the log can hold (saturating: a crafted serial near the top stays there).
    public func after(_ steps: Int64) -> EventPosition {
        let (serial, overflow) = serial.addingReportingOverflow(steps)
        var later = self
        later.serial = overflow ? .max : serial
        return later
    }

    public var description: String {
        steppedTo.map { "\(timeMilliseconds)#\(serial)@\($0)" } ?? "\(timeMilliseconds)#\(serial)"
    }
}
