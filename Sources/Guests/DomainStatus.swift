/// What libvirt's live status XML (`/run/libvirt/qemu/NAME.xml`, a `<domstatus>` document) tells
/// about a running guest.
public struct DomainStatus: Sendable, Equatable {
    public struct SecurityLabel: Sendable, Equatable {
        public var model: String
        /// `dynamic`, `static` or `none`.
        public var type: String
        public var label: String?
        public var imageLabel: String?

        public init(model: String, type: String, label: String?, imageLabel: String?) {
            self.model = model
            self.type = type
            self.label = label
            self.imageLabel = imageLabel
        }
    }

    public var name: String
    public var uuid: String
    public var pid: Int64?
    public var state: String?
    public var securityLabels: [SecurityLabel]
    public var disks: [String]
    /// The file it came from, for messages.
    public var file: String

    public init(name: String, uuid: String, pid: Int64?, state: String?, securityLabels: [SecurityLabel],
                disks: [String], file: String) {
        self.name = name
        self.uuid = uuid
        self.pid = pid
        self.state = state
        self.securityLabels = securityLabels
        self.disks = disks
        self.file = file
    }
}
