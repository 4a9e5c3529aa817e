/// What libvirt's live status XML (`/run/libvirt/qemu/NAME.xml`, a `<domstatus>` document) tells
/// about a running guest.
public struct DomainStatus: Sendable, Equatable {
    public struct SecurityLabel: Sendable, Equatable {
        public var model: String
        /// `dynamic`, `static` or `none`.
        public var type: String
        public var label: String?
        public var imageLabel: String?
    }

    public var name: String
    public var uuid: String
    public var pid: Int64?
    public var state: String?
    public var securityLabels: [SecurityLabel]
    public var disks: [String]
    /// The file it came from, for messages.
    public var file: String
}
