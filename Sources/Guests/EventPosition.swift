/// A point on one node's event axis: milliseconds since the epoch, then the audit serial, which
/// orders events within the same millisecond.
public struct EventPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var timeMilliseconds: Int64
    public var serial: Int64

    public init(timeMilliseconds: Int64, serial: Int64) {
        self.timeMilliseconds = timeMilliseconds
        self.serial = serial
    }

    public static func < (a: EventPosition, b: EventPosition) -> Bool {
        (a.timeMilliseconds, a.serial) < (b.timeMilliseconds, b.serial)
    }

    /// A point `steps` serials later in the same millisecond, between this event and any later
    /// one the log can hold (saturating: a crafted serial near the top stays there).
    public func after(_ steps: Int64) -> EventPosition {
        let (serial, overflow) = serial.addingReportingOverflow(steps)
        return EventPosition(timeMilliseconds: timeMilliseconds, serial: overflow ? .max : serial)
    }

    public var description: String { "\(timeMilliseconds)#\(serial)" }
}
