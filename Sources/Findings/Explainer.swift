/// Why the kernel denied an access and what an operator should do, per kind. For a guest reaching
/// outside its own label the answer is never an allow rule: the denial is sVirt doing its job,
/// and audit2allow (setroubleshoot's fallback) would open the hole it closed.
public struct Explainer: Sendable {
    public var booleans: BooleanRules

    public init(booleans: BooleanRules = .standard) { self.booleans = booleans }

    public struct Input: Sendable {
        public var kind: String
        public var scontext: String
        public var tcontext: String
        public var tclass: String
        public var perms: [String]
        public var permissive: Bool
        public var boolean: String?
        public var source: String?
        public var target: String?
        /// The source guest's UUID: the advised virsh commands name it by UUID, which stays
        /// unique where names repeat across nodes and lifetimes.
        public var sourceUUID: String?

        public init(kind: String, scontext: String, tcontext: String, tclass: String, perms: [String], permissive: Bool,
                    boolean: String?, source: String?, target: String?, sourceUUID: String? = nil) {
            self.sourceUUID = sourceUUID
            self.kind = kind
            self.scontext = scontext
            self.tcontext = tcontext
            self.tclass = tclass
            self.perms = perms
            self.permissive = permissive
            self.boolean = boolean
            self.source = source
            self.target = target
        }
    }

    public struct Explanation: Sendable, Equatable {
        /// Why the kernel refused.
        public var reason: String
        /// What to do, most important first.
        public var advice: [String]
    }

    static let neverAllow = "Do not write an allow rule (audit2allow) for this: the denial is sVirt isolation working as designed."

    public func explain(_ input: Input) -> Explanation {
        let s = ContextView(input.scontext)
        let t = ContextView(input.tcontext)
        let perms = "{ \(input.perms.joined(separator: " ")) }"
        let stype = s.type ?? "?"
        let ttype = t.type ?? "?"
        let who = input.source.map { name in "guest \(name)" + (input.sourceUUID.map { " (\($0))" } ?? "") } ?? "the source process"
        let guest = input.sourceUUID ?? input.source ?? "GUEST"
        let allowed = input.permissive
            ? " The system was permissive: the access actually happened."
            : ""
        switch input.kind {
        case "cross-guest":
            return Explanation(
                reason: "MCS constraint: \(mcs(s, t)), so \(stype) may not \(perms) a \(input.tclass) of \(input.target.map { "guest " + $0 } ?? "another guest")." + allowed,
                advice: ["Investigate \(who) now: its QEMU process reached for another guest's \(input.tclass == "process" ? "process" : "disk or device"), which a healthy QEMU never does; treat it as a possible guest escape.",
                         "Isolate it: pause it (virsh suspend \(guest)), keep its memory for forensics (virsh dump --memory-only \(guest) /var/tmp/\(guest).core) and its disks (virsh domblklist \(guest)), and check the host for other signs of compromise.",
                         Self.neverAllow])
        case "unknown-source":
            return Explanation(
                reason: "The source label \(s.level.map { "\($0)" } ?? input.scontext) was held by no guest that libvirt started at that time: a confined QEMU process svirt-trace cannot attribute." + hostTarget(t, perms: perms, tclass: input.tclass) + allowed,
                advice: ["Find the process (pid and exe in the evidence) and what started it; a QEMU outside libvirt's control, or a libvirt whose VIRT_MACHINE_ID records were lost, both need a look.",
                         "If the log started after that guest did, ingest with --libvirt-state so guests already running are known."]
                    + booleanAdvice(input.boolean, guest: "that guest")
                    + (input.boolean == nil ? [Self.neverAllow] : []))
        case "unattributed":
            let hostTarget = hostTarget(t, perms: perms, tclass: input.tclass)
            return Explanation(
                reason: "No known guest held \(s.level.map { "\($0)" } ?? input.scontext)\(hostTarget.isEmpty ? " or \(t.level.map { "\($0)" } ?? input.tcontext)" : "") at that time, but lease data for that node was incomplete there: a guest svirt-trace never saw may have held it"
                    + (hostTarget.isEmpty ? ", so this may be a cross-guest denial." : "." + hostTarget) + allowed,
                advice: ["Give the libvirt state folder (ingest --libvirt-state /run/libvirt/qemu), or a log that starts at boot, and keep libvirt's VIRT_* records (ausearch -m ...,VIRT_MACHINE_ID,VIRT_CONTROL,VIRT_RESOURCE); `svirt-trace query coverage` shows where lease data is incomplete and why.",
                         "Meanwhile, find the process (pid and exe in the evidence) and which guest it runs (ps -Z, virsh list)."]
                    + booleanAdvice(input.boolean, guest: "that guest")
                    + (input.boolean == nil ? [Self.neverAllow] : []))
        case "unknown-target":
            return Explanation(
                reason: "The target \(ttype) carries categories \(t.level.map { "\($0.categories)" } ?? "?") that no guest held at that time." + allowed,
                advice: ["Check which image or process carries that label (ls -Z, ps -Z): it may be a stale label of a stopped guest or a guest whose start was not logged.",
                         Self.neverAllow])
        case "guest-host":
            var advice = ["Investigate \(who): a QEMU process has no business with \(ttype) objects; treat it as a possible escape attempt."]
            if ttype == "fixed_disk_t" && input.tclass == "blk_file" {
                advice.append("If the guest was meant to use this block device, give it a partition or LVM volume labelled through libvirt, never a whole disk: a guest with write access to a whole disk can rewrite volume labels the host trusts.")
            }
            advice.append(Self.neverAllow)
            return Explanation(reason: "Type enforcement: \(stype) has no rule allowing \(perms) on \(ttype) \(input.tclass)." + allowed,
                               advice: advice)
        case "needs-boolean":
            let rule = booleans.rules.first { $0.boolean == input.boolean }
            return Explanation(
                reason: "Type enforcement: \(stype) may \(perms) \(ttype) \(input.tclass) only when the boolean \(input.boolean ?? "?") is on." + allowed,
                advice: ["If guests should use this, turn the boolean on: setsebool -P \(input.boolean ?? "BOOLEAN") on",
                         "Trade-off: \(rule?.tradeOff ?? "it widens what every confined guest may do.")",
                         "If no guest should touch it, leave the boolean off and find out why \(who) tried."])
        case "stale-image":
            return Explanation(
                reason: "The target is labelled \(ttype), the label of an image no running guest holds; \(stype) may not \(perms) it." + allowed,
                advice: ["If the guest should use this image, let libvirt label it: add it to the guest's definition and restart the guest through libvirt (dynamic labelling relabels on start).",
                         "If the image was restored or copied by hand, restore its owner and label through libvirt rather than chcon; never give it svirt_image_t without categories.",
                         "If the guest should not use it, find out why it tried."])
        case "shared-content-write":
            return Explanation(
                reason: "\(ttype) is shared read-only content (ISO images, shared disks): every guest may read it, none may write it." + allowed,
                advice: ["If the disk is meant to be written by several guests, declare it <shareable/> in each guest's definition so libvirt labels it svirt_image_t:s0 (shared read/write); do that only if it was intended.",
                         "Otherwise make the guest's disk read-only (<readonly/>) and find out why it wrote."])
        case "guest-self":
            return Explanation(
                reason: "Type enforcement inside one guest's own domain: \(stype) may not \(perms) its own \(ttype) \(input.tclass)." + allowed,
                advice: ["Check the guest's configuration for a feature that needs this (a virt_* boolean, a device, executable memory).",
                         "If nothing legitimate needs it, treat it as unexpected QEMU behaviour and investigate."])
        case "host-guest":
            return Explanation(
                reason: "A host domain \(stype) reached for a guest's \(ttype) \(input.tclass) (\(input.target ?? "a live guest"))." + allowed,
                advice: ["Check whether that host service should touch guests at all (openvswitch, backup agents); if it should, its policy module needs a rule for svirt types, made deliberately, not with audit2allow.",
                         "If it should not, investigate the host process."])
        default:
            return Explanation(
                reason: "Type enforcement: \(stype) may not \(perms) \(ttype) \(input.tclass). No guest is involved." + allowed,
                advice: ["Ordinary SELinux troubleshooting applies: audit2why explains the cause; review any rule before loading it."])
        }
    }

    /// For a guest of unknown name: what it reached for, when that is a host object rather than
    /// a guest's ("" for a guest's, which may make it cross-guest).
    private func hostTarget(_ t: ContextView, perms: String, tclass: String) -> String {
        guard !(ContextTraits(type: t.type).contains(.guestObject) && t.guestLevel != nil) else { return "" }
        return " Whichever guest it was, it reached for a host object (\(t.type ?? "?") \(tclass) \(perms)), not another guest's."
    }

    /// The boolean that would allow it, as needs-boolean advises, for a guest of unknown name.
    private func booleanAdvice(_ boolean: String?, guest: String) -> [String] {
        guard let boolean else { return [] }
        let rule = booleans.rules.first { $0.boolean == boolean }
        return ["The boolean \(boolean) would allow it. If guests should use this, turn it on: setsebool -P \(boolean) on (trade-off: \(rule?.tradeOff ?? "it widens what every confined guest may do.")); otherwise leave it off and find out why \(guest) tried."]
    }

    private func mcs(_ s: ContextView, _ t: ContextView) -> String {
        guard let sl = s.level, let tl = t.level else { return "the levels could not be compared" }
        let sc = "{\(sl.categories.members.map { "c\($0)" }.joined(separator: ","))}"
        let tc = "{\(tl.categories.members.map { "c\($0)" }.joined(separator: ","))}"
        return sl.dominates(tl) ? "source categories \(sc) dominate target \(tc) but the constraint still failed"
            : "source categories \(sc) do not dominate target \(tc)"
    }
}
