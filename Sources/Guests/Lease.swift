import SELinux

/// One guest holding one label for one lifetime: from the VIRT_MACHINE_ID (or the status XML of
/// a guest that was running before the log began) to its stop. Labels are unique only per node and
/// only while the lease lasts.
public struct Lease: Hashable, Sendable {
    public enum Origin: String, Sendable { case audit, statusXML = "status-xml" }

    public var id: Int64
    public var node: String?
    public var uuid: String
    public var name: String
    /// `selinux` or `dac`.
    public var model: String
    /// The process label as libvirt logged it (`vm-ctx`), or `+107:+107` for dac.
    public var label: String
    public var imageLabel: String?
    /// Parsed MCS level of an selinux label.
    public var level: MLSLevel?
    /// svirt_t, svirt_tcg_t, ...
    public var processType: String?
    public var isStatic: Bool
    public var pid: Int64?
    /// nil: the guest was already running when the log began.
    public var validFrom: EventPosition?
    /// nil: still running as far as the log tells.
    public var validTo: EventPosition?
    /// The start was confirmed by VIRT_CONTROL op=start (or by status XML).
    public var started: Bool
    public var origin: Origin

    public init(id: Int64, node: String?, uuid: String, name: String, model: String, label: String,
                imageLabel: String?, level: MLSLevel?, processType: String?, isStatic: Bool, pid: Int64?,
                validFrom: EventPosition?, validTo: EventPosition?, started: Bool, origin: Origin) {
        self.id = id
        self.node = node
        self.uuid = uuid
        self.name = name
        self.model = model
        self.label = label
        self.imageLabel = imageLabel
        self.level = level
        self.processType = processType
        self.isStatic = isStatic
        self.pid = pid
        self.validFrom = validFrom
        self.validTo = validTo
        self.started = started
        self.origin = origin
    }

    /// Half-open: a lease holds from its start up to, not including, its stop.
    public func isValid(at position: EventPosition) -> Bool {
        if let validFrom, position < validFrom { return false }
        if let validTo, !(position < validTo) { return false }
        return true
    }

    public var isOpen: Bool { validTo == nil }
}
