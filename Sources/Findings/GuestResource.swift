import AuditStream

/// A VIRT_RESOURCE record: a disk, network, host device, ... given to or taken from a guest.
public struct GuestResource: Sendable, Equatable {
    public var id: AuditEventID
    public var node: String?
    public var uuid: String?
    public var vm: String?
    /// The guest's open selinux lease when the record was logged.
    public var leaseID: Int64?
    public var resource: String
    public var reason: String?
    public var oldValue: String?
    public var newValue: String?
    public var success: Bool
}
