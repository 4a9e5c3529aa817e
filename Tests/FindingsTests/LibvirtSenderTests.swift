import AuditStream
import Testing
@testable import Findings
import Guests

/// libvirt's records are user-space messages: any process with CAP_AUDIT_WRITE (every Docker or
/// Podman container, by default) can send one. Only root running as a libvirt daemon changes the
/// lease timeline; the kernel writes the sender's uid and subj, which the sender cannot choose.
/// Another sender's record is kept as an `untrusted-virt-record` event.
@Suite struct LibvirtSenderTests {
    let victim = "cccccccc-0000-0000-0000-000000000003"
    let attacker = "aaaaaaaa-0000-0000-0000-000000000001"
    func svirt(_ level: String) -> String { "system_u:system_r:svirt_t:\(level)" }
    func image(_ level: String) -> String { "system_u:object_r:svirt_image_t:\(level)" }

    /// A container that forges the attacker's stop, then attacks: the attack is still its.
    static func forgedStop(uid: String, subj: String?) -> String {
        let sender = "pid=4711 uid=\(uid) auid=4294967295 ses=4294967295" + (subj.map { " subj=\($0)" } ?? "")
        return "type=VIRT_CONTROL msg=audit(STAMP): \(sender) msg='virt=kvm op=stop reason=shutdown vm=\"alpha\" "
            + "uuid=aaaaaaaa-0000-0000-0000-000000000001 vm-pid=-1 exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'"
    }

    func scenario(forged: String) throws -> [Finding] {
        var log = LogBuilder()
        log.boot()
        log.start("victim", victim, level: "s0:c7,c8", pid: 3000)
        log.start("alpha", attacker, level: "s0:c1,c2", pid: 1000)
        log.raw(forged.replacingOccurrences(of: "STAMP", with: log.stamp()))
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        return try log.correlate()
    }

    @Test(arguments: [("0", "system_u:system_r:container_t:s0:c12,c34", "sent from container_t, not a libvirt daemon"),
                      ("0", "system_u:system_r:spc_t:s0", "sent from spc_t, not a libvirt daemon"),
                      ("1000", "system_u:system_r:virtd_t:s0-s0:c0.c1023", "sent by uid 1000, not root"),
                      ("0", "docker-default (enforce)", "sent from the AppArmor profile docker-default, not a libvirt daemon"),
                      // On AppArmor, unconfined is every process without a profile (a --privileged container).
                      ("0", "unconfined", "sent from the AppArmor profile unconfined, not a libvirt daemon"),
                      ("0", "/opt/evil/libvirtd", "sent from the AppArmor profile /opt/evil/libvirtd, not a libvirt daemon"),
                      ("0", "docker-default//libvirtd", "sent from the AppArmor profile docker-default//libvirtd, not a libvirt daemon")])
    func aLifecycleRecordFromAnotherSenderChangesNothing(uid: String, subj: String, reason: String) throws {
        let findings = try scenario(forged: Self.forgedStop(uid: uid, subj: subj))
        let denials = findings.denials
        #expect(denials.map(\.kind) == [.crossGuest])
        #expect(denials.first?.sources.map(\.name) == ["alpha"])
        #expect(findings.issues.isEmpty)
        let untrusted = findings.events.filter { $0.kind == .untrustedVirtRecord }
        #expect(untrusted.count == 1 && untrusted.first?.vm == "alpha" && untrusted.first?.uuid == attacker)
        #expect(untrusted.first?.detail.first { $0.0 == "why" }?.1 == .string(reason))
        #expect(untrusted.first?.detail.first { $0.0 == "op" }?.1 == .string("stop"))
        #expect(untrusted.first?.detail.first { $0.0 == "pid" }?.1 == .int(4711))
        #expect(!findings.events.contains { $0.kind == .domainStop })
    }

    @Test(arguments: ["system_u:system_r:virtd_t:s0-s0:c0.c1023", "system_u:system_r:virtqemud_t:s0-s0:c0.c1023",
                      "unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023", "libvirtd", "/usr/sbin/libvirtd", nil] as [String?])
    func libvirtsOwnStopEndsTheLease(subj: String?) throws {
        let findings = try scenario(forged: Self.forgedStop(uid: "0", subj: subj))
        #expect(findings.denials.map(\.kind) == [.unknownSource])
        #expect(findings.issues.isEmpty && !findings.events.contains { $0.kind == .untrustedVirtRecord })
        #expect(findings.events.contains { $0.kind == .domainStop })
    }

    /// `ausearch -i` writes the sender's uid as a name.
    @Test func anInterpretedRootIsRoot() {
        #expect(LibvirtSender.doubt(uid: "root", subject: "system_u:system_r:virtd_t:s0-s0:c0.c1023") == nil)
        #expect(LibvirtSender.doubt(uid: "qemu", subject: "system_u:system_r:virtd_t:s0-s0:c0.c1023") == "sent by uid qemu, not root")
    }

    /// A VIRT_RESOURCE naming a guest by name only still gives a whole-disk finding: its sender
    /// is checked too (helper-99: a forged one raised a high whole-disk alert).
    @Test func aResourceRecordWithoutUUIDIsCheckedToo() throws {
        var log = LogBuilder()
        log.raw("type=VIRT_RESOURCE msg=audit(\(log.stamp())): pid=4711 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:container_t:s0:c1,c2 msg='virt=kvm resrc=disk reason=start vm=\"cache002\" old-disk=\"?\" new-disk=\"/dev/sda\" exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
        let findings = try log.correlate()
        #expect(findings.events.map(\.kind) == [.untrustedVirtRecord])
        #expect(findings.events.first?.vm == "cache002")
    }

    /// Where the kernel wrote no subj (no LSM), one in the sender's own text is not taken.
    @Test func aSubjectInsideTheSendersTextIsNotTheKernels() {
        let raw = "type=VIRT_CONTROL msg=audit(1.000:1): pid=1 uid=0 auid=0 ses=1 msg='virt=kvm op=stop subj=system_u:system_r:virtd_t:s0 res=success'"
        #expect(UserRecordSender.subject(of: AuditRecord(type: "VIRT_CONTROL", raw: raw, line: 1, fields: [])) == nil)
        let kernel = "type=VIRT_CONTROL msg=audit(1.000:1): pid=1 uid=0 auid=0 ses=1 subj=system_u:system_r:container_t:s0 msg='virt=kvm subj=system_u:system_r:virtd_t:s0'"
        #expect(UserRecordSender.subject(of: AuditRecord(type: "VIRT_CONTROL", raw: kernel, line: 1, fields: [])) == "system_u:system_r:container_t:s0")
    }

    /// dockerd logs VIRT_CONTROL for its containers, naming no guest: nothing to say.
    @Test func aRecordNamingNoGuestIsNoIssue() throws {
        let docker = "type=VIRT_CONTROL msg=audit(STAMP): pid=1431 uid=0 auid=100 ses=3 subj=system_u:system_r:container_runtime_t:s0 msg='user=root reason=api op=create vm=? vm-pid=? hostname=? exe=\"/usr/bin/dockerd-current\" addr=? terminal=? res=success'"
        let findings = try scenario(forged: docker)
        #expect(findings.issues.isEmpty && !findings.events.contains { $0.kind == .untrustedVirtRecord })
        #expect(findings.denials.first?.sources.map(\.name) == ["alpha"])
    }
}
