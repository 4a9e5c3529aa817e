import Reports

extension DigestWording {
    static let fixedChangeKinds = ["label-collision", "enforcing-change", "boolean-change", "policy-load"]
    static let postureKinds = ["unconfined-guest", "weak-label", "whole-disk", "shared-writable"]

    /// The kinds the "changes" section's command lists: the fixed four, and the posture kinds and
    /// untrusted libvirt records and clock steps present (so a digest without them reads as before).
    static func changeKinds(_ d: DigestData) -> [String] {
        fixedChangeKinds + (postureKinds + ["untrusted-virt-record", "clock-step"]).filter { kind in d.changes.contains { $0.kind == kind } }
    }
}
