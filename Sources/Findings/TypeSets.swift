/// SELinux types that mean something to sVirt. From the seed's label table and the sVirt policy.
public enum TypeSets {
    /// Confined QEMU (and sandbox) processes: a denial from one of these comes from a guest.
    public static let guestProcess: Set<String> = [
        "svirt_t", "svirt_tcg_t", "svirt_kvm_net_t", "svirt_qemu_net_t", "svirt_lxc_net_t",
    ]
    /// Objects that carry one guest's categories: its process, image files and devices, tmpfs.
    public static let guestObject: Set<String> = guestProcess.union([
        "svirt_image_t", "svirt_tmpfs_t", "svirt_devpts_t", "svirt_home_t",
    ])
    /// The default label of an image no running guest holds.
    public static let staleImage: Set<String> = ["virt_content_t", "virt_image_t"]
    /// Shared read-only content.
    public static let sharedContent: Set<String> = ["svirt_content_t"]
    /// Permissions that modify: a denial of one of these on shared content is a write attempt.
    public static let writePermissions: Set<String> = [
        "write", "append", "setattr", "create", "unlink", "rename", "link", "add_name", "remove_name",
    ]
}
