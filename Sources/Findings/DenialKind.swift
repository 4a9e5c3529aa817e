/// The one class every denial event gets. The raw values are the CLI's and the store's words.
public enum DenialKind: String, Sendable, CaseIterable, Codable {
    /// A guest's QEMU reached for another live guest's disk, device or process.
    case crossGuest = "cross-guest"
    /// An svirt process label that no guest held at that time.
    case unknownSource = "unknown-source"
    /// An svirt_image_t or svirt_t target whose categories no guest held.
    case unknownTarget = "unknown-target"
    /// An svirt label no known lease covers, where lease data is incomplete (no SYSTEM_BOOT and no
    /// status XML before it, or a guest with a label never seen was running): a guest we never
    /// saw may have held it. The denial's reason says why.
    case unattributed = "unattributed"
    /// A guest reached for a host object (shadow_t, etc_t, fixed_disk_t, virtd_t, ...).
    case guestHost = "guest-host"
    /// A virt_* boolean would allow it.
    case needsBoolean = "needs-boolean"
    /// An image no guest holds (virt_content_t / virt_image_t).
    case staleImage = "stale-image"
    /// A write to shared read-only content (svirt_content_t).
    case sharedContentWrite = "shared-content-write"
    /// A guest denied on its own label: type enforcement inside one guest's domain.
    case guestSelf = "guest-self"
    /// A host process reached for a live guest's process or image.
    case hostGuest = "host-guest"
    /// No guest on either side.
    case hostOther = "host-other"
}
