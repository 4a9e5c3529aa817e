/// Whether a VIRT_MACHINE_ID, VIRT_CONTROL or VIRT_RESOURCE record came from libvirt.
///
/// They are user-space records: any process with CAP_AUDIT_WRITE can send one, and Docker and
/// Podman give that capability to every container by default. A forged `op=stop` would end a
/// guest's lease, so that its attacks went to unknown labels; a forged start would give its label
/// to a guest of the forger's naming. The kernel adds the sender's uid and `subj=` to the record,
/// which the sender cannot choose (`UserRecordSender`): only root running as one of libvirt's
/// daemons is believed. Anything else is kept as an `untrusted-virt-record` event, alerted on,
/// and changes nothing.
public enum LibvirtSender {
    /// SELinux domains of libvirt's daemons: the monolithic libvirtd, the modular drivers that
    /// start guests, and the LXC controller. Unconfined domains too: containers do not run there
    /// (container_t, spc_t), and a root process that does could write the store itself, so
    /// refusing it would only lose lab hosts that start libvirtd by hand.
    static let selinuxTypes: Set<String> = ["virtd_t", "virtqemud_t", "virtlxcd_t", "virtxend_t", "virtd_lxc_t",
                                            "unconfined_t", "unconfined_service_t"]
    /// AppArmor profiles, whole (the subject of an AppArmor host is a profile name or the program's
    /// path; `/opt/x/libvirtd` or a hat `docker-default//libvirtd` is another profile). Not
    /// `unconfined`: there it names every process without a profile, containers run with
    /// `apparmor=unconfined` or `--privileged` among them.
    static let appArmorProfiles: Set<String> = ["libvirtd", "/usr/sbin/libvirtd", "virtqemud", "/usr/sbin/virtqemud",
                                                "virtlxcd", "/usr/sbin/virtlxcd", "virtxend", "/usr/sbin/virtxend"]

    /// Why a record is not believed to be libvirt's; nil when it is, or when the log carries no
    /// sender to check (a host without an LSM writes no `subj=`).
    /// - Parameter trusted: types and profiles the config file adds (`libvirt_senders`).
    static func doubt(uid: String?, subject: String?, trusted: Set<String> = []) -> String? {
        // `ausearch -i` writes uid=root.
        if let uid, uid != "0", uid != "root" { return "sent by uid \(uid), not root" }
        guard let subject else { return nil }
        if subject.contains(":") {
            let type = ContextView(subject).type ?? ""
            return selinuxTypes.contains(type) || trusted.contains(type) ? nil
                : "sent from \(type.isEmpty ? subject : type), not a libvirt daemon"
        }
        return appArmorProfiles.contains(subject) || trusted.contains(subject) ? nil : "sent from the AppArmor profile \(subject), not a libvirt daemon"
    }

    /// What containers run as, under SELinux (container-selinux's types) or AppArmor (the
    /// runtimes' default profiles, and `unconfined` for privileged ones). Named in
    /// `libvirt_senders`, one of them trusts every container on the host, CAP_AUDIT_WRITE being
    /// Docker's and Podman's default: `config check`, `ingest` and `watch` say so.
    public static let containerSenders: Set<String> = ["container_t", "spc_t", "container_init_t", "container_kvm_t",
                                                       "unconfined", "docker-default", "cri-containerd.apparmor.d",
                                                       "crio-default"]

    /// A warning for each of `senders` (the config file's `libvirt_senders`) that containers run
    /// as. The entry is still taken: a KubeVirt without a policy of its own may have no other.
    public static func containerWarnings(_ senders: [String]) -> [String] {
        var said: Set<String> = []
        return senders.filter { containerSenders.contains($0) && said.insert($0).inserted }.map { sender in
            "libvirt_senders: \(sender) is what containers run as: every container on this host "
                + "(CAP_AUDIT_WRITE is Docker's and Podman's default) may then start, stop and label guests in "
                + "svirt-trace's timeline; give this host's libvirt a type or profile of its own and name that"
        }
    }

    /// Who sent a refused record, as `libvirt_senders` would name it: the SELinux type or the
    /// whole AppArmor profile, or `uid N` when the sender was not root (then no config helps: a
    /// libvirt daemon runs as root). nil when the record carries neither.
    public static func name(uid: String?, subject: String?) -> (name: String, root: Bool)? {
        if let uid, uid != "0", uid != "root" { return ("uid \(uid)", false) }
        guard let subject else { return nil }
        guard subject.contains(":") else { return (subject, true) }
        return (ContextView(subject).type ?? subject, true)
    }
}
