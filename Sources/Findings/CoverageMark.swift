import Guests

/// A point on a node's timeline that tells whether its lease data is complete: whether every guest
/// that could be running there is known with its label (see `Coverage`).
public struct CoverageMark: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A SYSTEM_BOOT record: no guest survives a reboot, so none runs with an unknown label.
        case systemBoot = "system-boot"
        /// libvirt's status XML read as a snapshot: every running guest is known from here on.
        case statusXML = "status-xml"
        /// VIRT_CONTROL op=stop of a guest whose label was never seen: it ran with an unknown label.
        case unseenStop = "unseen-stop"
        /// A guest found running in a later status-XML snapshot (watch) with no start in the log:
        /// it ran with a label never seen since some time after the last anchor.
        case unseenStart = "unseen-start"
    }

    /// Where an interval of incomplete lease data begins.
    public enum Start: Sendable, Equatable {
        /// Before the node's first event (status XML given to ingest stands there).
        case nodeStart
        case at(EventPosition)
    }

    public var node: String?
    /// nil only for a status-XML snapshot taken before any event of the node: it stands before them all.
    public var position: EventPosition?
    public var kind: Kind
    /// The guest of an unseen stop.
    public var vm: String?
    public var uuid: String?
    /// For an unseen stop or start: where the interval of incomplete data that it ends begins (the last
    /// anchor before it). nil when no anchor precedes it: the data there was incomplete already.
    public var gapStart: Start?

    public init(node: String?, position: EventPosition?, kind: Kind, vm: String? = nil, uuid: String? = nil,
                gapStart: Start? = nil) {
        self.node = node
        self.position = position
        self.kind = kind
        self.vm = vm
        self.uuid = uuid
        self.gapStart = gapStart
    }

    /// A boot or a snapshot: lease data is complete from here on (until an unseen stop says otherwise).
    public var isAnchor: Bool { kind == .systemBoot || kind == .statusXML }
}
