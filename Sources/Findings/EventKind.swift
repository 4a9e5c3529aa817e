/// Kinds of the non-denial events in the `events` table.
public enum EventKind: String, Sendable, CaseIterable, Codable {
    case domainStart = "domain-start"
    case domainStop = "domain-stop"
    case labelCollision = "label-collision"
    case enforcingChange = "enforcing-change"
    case booleanChange = "boolean-change"
    case policyLoad = "policy-load"
    case selinuxError = "selinux-error"
    /// Events that may be lost: the log watch read last was rotated away (past auditd's
    /// num_logs, or truncated without a copy) before it was read to its end.
    case pipelineGap = "pipeline-gap"
    /// A VIRT_MACHINE_ID, VIRT_CONTROL or VIRT_RESOURCE record naming a guest that the kernel
    /// says came from another sender than libvirt (`LibvirtSender`): ignored for the lease
    /// timeline, and kept as a sign that something on the host forges guest starts and stops.
    case untrustedVirtRecord = "untrusted-virt-record"
    /// A node's clock went back within one log (an NTP or hwclock step, or lines pasted from
    /// another time): kept with the first event logged after it (`ClockStepPlacer`), whose stamp
    /// and those after it overlap the stamps already logged. Its events were judged in the order
    /// logged; a time window over the overlap holds events of both sides.
    case clockStep = "clock-step"
    // Isolation posture (see `PostureDetector`): configurations the seed's sVirt chapter warns of.
    /// A guest started without an sVirt SELinux label (seclabel none, security_driver none, or a
    /// process type that is not a confined guest domain).
    case unconfinedGuest = "unconfined-guest"
    /// A label that isolates less than a dynamic pair of categories: none, one, or a range.
    case weakLabel = "weak-label"
    /// A whole block device (not a partition or a volume) given to a guest.
    case wholeDisk = "whole-disk"
    /// A disk several live guests may write.
    case sharedWritable = "shared-writable"

    /// The posture kinds, for reports that list them together.
    public static let posture: [EventKind] = [.unconfinedGuest, .weakLabel, .wholeDisk, .sharedWritable]
}
