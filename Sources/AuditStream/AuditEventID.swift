import Native

/// Identity of one audit event, as auparse's `au_event_t`: time, serial and the node that logged
/// it. Serials are unique per node only, so the node is part of the identity, compared by its
/// bytes: two hosts whose names differ only in Unicode normalization are two hosts, and their
/// records of one stamp are two events (as Strings, they were joined into one).
public struct AuditEventID: Hashable, Sendable, Comparable {
    public var node: String?
    public var seconds: Int64
    public var milliseconds: Int
    public var serial: Int64

    public init(node: String?, seconds: Int64, milliseconds: Int, serial: Int64) {
        self.node = node
        self.seconds = seconds
        self.milliseconds = milliseconds
        self.serial = serial
    }

    /// Milliseconds since the epoch: the time axis of every lease and finding. The reader never
    /// makes an ID past year 9999, so this is exact for every ID read from a log; for any other
    /// value it saturates at Int64's ends instead of trapping.
    public var timeMilliseconds: Int64 {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflowSum) = scaled.addingReportingOverflow(Int64(clamping: milliseconds))
        if overflowSum { return milliseconds < 0 ? .min : .max }
        return sum
    }

    public static func == (a: AuditEventID, b: AuditEventID) -> Bool {
        guard a.serial == b.serial, a.seconds == b.seconds, a.milliseconds == b.milliseconds else { return false }
        switch (a.node, b.node) {
        case (nil, nil): return true
        case (let x?, let y?): return ExactText(x) == ExactText(y)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serial)
        hasher.combine(seconds)
        hasher.combine(milliseconds)
        hasher.combine(node.map(ExactText.init))
    }

    /// Orders events of one node as the kernel issued them: time first, then serial.
    public static func < (a: AuditEventID, b: AuditEventID) -> Bool {
        (a.timeMilliseconds, a.serial) < (b.timeMilliseconds, b.serial)
    }

    /// `node:serial`-style reference, as `query evidence` accepts.
    public var stamp: String {
        let ms = String(milliseconds)
        let padded = String(repeating: "0", count: max(0, 3 - ms.count)) + ms
        return "\(seconds).\(padded):\(serial)"
    }
}
