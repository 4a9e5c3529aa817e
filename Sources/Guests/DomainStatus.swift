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

    /// One `<disk>` of the guest, as far as the isolation posture needs it.
    public struct Disk: Sendable, Equatable {
        /// `file`, `block`, `network`, `volume`, `dir`.
        public var type: String
        /// `disk`, `cdrom`, `floppy`, `lun`.
        public var device: String
        public var source: String?
        /// `<shareable/>`: libvirt labels it svirt_image_t:s0, which every guest may write.
        public var shareable: Bool
        public var readonly: Bool

        public init(type: String, device: String, source: String?, shareable: Bool, readonly: Bool) {
            self.type = type
            self.device = device
            self.source = source
            self.shareable = shareable
            self.readonly = readonly
        }
    }

    public var name: String
    public var uuid: String
    public var pid: Int64?
    public var state: String?
    public var securityLabels: [SecurityLabel]
    public var disks: [String]
    /// Every `<disk>` of `<devices>`, with its type and sharing flags.
    public var diskDetails: [Disk]
    /// The file it came from, for messages.
    public var file: String

    public init(name: String, uuid: String, pid: Int64?, state: String?, securityLabels: [SecurityLabel],
                disks: [String], file: String, diskDetails: [Disk] = []) {
        self.name = name
        self.uuid = uuid
        self.pid = pid
        self.state = state
        self.securityLabels = securityLabels
        self.disks = disks
        self.diskDetails = diskDetails
        self.file = file
    }
}
