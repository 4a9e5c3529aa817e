import Testing
@testable import Findings
import Guests

@Suite struct CorrelatorTests {
    let a = "aaaaaaaa-0000-0000-0000-000000000001"
    let b = "bbbbbbbb-0000-0000-0000-000000000002"
    let c = "cccccccc-0000-0000-0000-000000000003"

    func svirt(_ level: String) -> String { "system_u:system_r:svirt_t:\(level)" }
    func image(_ level: String) -> String { "system_u:object_r:svirt_image_t:\(level)" }

    @Test func aFreedLabelIsAttributedToWhoeverHeldItAtTheEventsTime() throws {
        var log = LogBuilder()
        log.boot()  // lease data complete: a label no lease covers is unknown, not unattributed
        log.start("victim", c, level: "s0:c7,c8", pid: 3000)
        log.start("alpha", a, level: "s0:c1,c2", pid: 1000)
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        log.control("stop", "alpha", a)
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        log.start("beta", b, level: "s0:c1,c2", pid: 2000)
        log.avc(pid: 2000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        let denials = try log.correlate().denials
        #expect(denials.map(\.kind) == [.crossGuest, .unknownSource, .crossGuest])
        #expect(denials.map { $0.sources.map(\.name) } == [["alpha"], [], ["beta"]])
        #expect(denials.map { $0.targets.map(\.name) } == [["victim"], ["victim"], ["victim"]])
        #expect(denials[0].context.syscall == "openat")
        #expect(denials[0].context.exe == "/usr/libexec/qemu-kvm")
        #expect(denials[0].context.paths == ["/var/lib/libvirt/images/x.qcow2"])
        #expect(denials[0].context.proctitle == "/usr/libexec/qemu-kvm")
    }

    @Test func aLibvirtdRestartWithoutNewLabelsKeepsTheLeases() throws {
        var log = LogBuilder()
        log.start("victim", c, level: "s0:c7,c8", pid: 3000)
        log.start("alpha", a, level: "s0:c1,c2", pid: 1000)
        log.raw("type=SERVICE_STOP msg=audit(\(log.stamp())): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='unit=libvirtd comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'")
        log.raw("type=SERVICE_START msg=audit(\(log.stamp())): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='unit=libvirtd comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'")
        log.avc(perms: "ptrace", pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: svirt("s0:c7,c8"), tclass: "process", path: nil)
        let denials = try log.correlate().denials
        #expect(denials.count == 1)
        #expect(denials[0].kind == .crossGuest)
        #expect(denials[0].sources.map(\.name) == ["alpha"])
        #expect(denials[0].targets.map(\.name) == ["victim"])
    }

    @Test func aStaticLabelThatRepeatsALiveOneIsACollisionWithBothAsCandidates() throws {
        var log = LogBuilder()
        log.start("web01", a, level: "s0:c5,c6", pid: 1000)
        log.start("db02", b, level: "s0:c5,c6", pid: 2000)
        log.start("intruder", c, level: "s0:c9,c10", pid: 3000)
        log.avc(pid: 3000, scontext: svirt("s0:c9,c10"), tcontext: image("s0:c5,c6"))
        log.avc(perms: "signal", pid: 2000, scontext: svirt("s0:c5,c6"), tcontext: svirt("s0:c9,c10"), tclass: "process", path: nil)
        let findings = try log.correlate()
        let collisions = findings.events.filter { $0.kind == .labelCollision }
        #expect(collisions.count == 1)
        #expect(collisions.first?.detail.first(where: { $0.0 == "vms" })?.1 == .strings(["db02", "web01"]))
        let denials = findings.denials
        #expect(denials[0].targets.map(\.name) == ["db02", "web01"])
        #expect(denials[1].sources.map(\.name) == ["db02"], "the AVC's pid picks the source")
        let leases = findings.compactMap { if case .lease(let l) = $0 { return l } else { return nil } }
        #expect(leases.last(where: { $0.name == "db02" && $0.model == "selinux" })?.isStatic == true)
    }

    @Test func aFailedLabelCreatesNoLease() throws {
        var log = LogBuilder()
        log.boot()  // lease data complete: a label no lease covers is unknown, not unattributed
        log.start("victim", c, level: "s0:c7,c8", pid: 3000)
        log.machineID("ghost", a, level: "s0:c1,c2", res: "failed")
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        let findings = try log.correlate()
        #expect(findings.denials.map(\.kind) == [.unknownSource])
        #expect(!findings.contains { if case .lease(let l) = $0 { return l.uuid == a } else { return false } })
    }

    @Test func hexEncodedNamesAreDecoded() throws {
        var log = LogBuilder()
        log.machineID("o'brien lab 7", a, level: "s0:c1,c2", hexName: true)
        log.control("start", "o'brien lab 7", a, pid: 1000)
        let findings = try log.correlate()
        let leases = findings.compactMap { if case .lease(let l) = $0 { return l } else { return nil } }
        #expect(leases.first?.name == "o'brien lab 7")
        #expect(findings.events.first?.kind == .domainStart)
        #expect(findings.events.first?.label == svirt("s0:c1,c2"))
    }

    @Test func aStartWithoutStopClosesTheOldLeaseAtTheNewLabel() throws {
        var log = LogBuilder()
        log.start("alpha", a, level: "s0:c1,c2", pid: 1000)
        log.start("alpha", a, level: "s0:c3,c4", pid: 1100)
        var correlator = Correlator()
        _ = try log.correlate(&correlator)
        let leases = correlator.map.leases.values.filter { $0.model == "selinux" }.sorted { $0.id < $1.id }
        #expect(leases.count == 2)
        #expect(leases[0].validTo != nil)
        #expect(leases[1].isOpen)
        #expect(correlator.map.openLease(node: nil, uuid: a)?.level?.description == "s0:c3,c4")
    }

    @Test func policyEventsCarryWhoMadeThem() throws {
        var log = LogBuilder()
        let s1 = log.stamp()
        log.raw("type=MAC_STATUS msg=audit(\(s1)): enforcing=0 old_enforcing=1 auid=1000 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1")
        log.raw("type=SYSCALL msg=audit(\(s1)): arch=c000003e syscall=1 success=yes exit=1 items=0 ppid=1 pid=5 auid=1000 uid=0 comm=\"setenforce\" exe=\"/usr/sbin/setenforce\" key=(null)\u{1D}AUID=\"alice\"")
        log.raw("type=PROCTITLE msg=audit(\(s1)): proctitle=736574656E666F7263650030")
        let s2 = log.stamp()
        log.raw("type=MAC_CONFIG_CHANGE msg=audit(\(s2)): bool=virt_use_nfs val=1 old_val=0 auid=1000 ses=3")
        log.raw("type=MAC_POLICY_LOAD msg=audit(\(log.stamp())): auid=1000 ses=3 lsm=selinux res=1")
        let events = try log.correlate().events
        #expect(events.map(\.kind) == [.enforcingChange, .booleanChange, .policyLoad])
        #expect(events[0].detail.first(where: { $0.0 == "enforcing" })?.1 == .int(0))
        #expect(events[0].detail.first(where: { $0.0 == "user" })?.1 == .string("alice"))
        #expect(events[1].detail.first(where: { $0.0 == "boolean" })?.1 == .string("virt_use_nfs"))
        #expect(events[1].detail.first(where: { $0.0 == "auid" })?.1 == .int(1000))
    }

    @Test func userAVCPermissionsComeFromItsText() throws {
        var log = LogBuilder()
        log.raw("type=USER_AVC msg=audit(\(log.stamp())): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0 msg='avc:  denied  { send_msg acquire_svc } for msgtype=method_call scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe=\"/usr/bin/dbus-broker\"'")
        let denials = try log.correlate().denials
        #expect(denials.first?.perms == ["send_msg", "acquire_svc"])
        #expect(denials.first?.kind == .hostOther)
        #expect(denials.first?.primary.recordType == "USER_AVC")
    }

    /// The outer pid of a USER_AVC is the object manager that sent it (dbus-daemon, libvirt):
    /// the denied process is the one its message names, as `pid` or dbus's `spid`.
    @Test func userAVCPidIsTheDeniedProcessNotTheSender() throws {
        var log = LogBuilder()
        log.raw("type=USER_AVC msg=audit(\(log.stamp())): pid=2252 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg='avc:  denied  { send_msg } for msgtype=method_return dest=:1.410 spid=2405 tpid=19100 scontext=system_u:system_r:systemd_logind_t:s0 tcontext=system_u:system_r:cinder_volume_t:s0 tclass=dbus  exe=\"/usr/bin/dbus-daemon\" sauid=81 hostname=? addr=? terminal=?'")
        log.raw("type=USER_AVC msg=audit(\(log.stamp())): pid=16882 uid=0 auid=4294967295 ses=4294967295 msg='avc:  denied  { read } for pid=4242 comm=\"qemu-kvm\" scontext=system_u:system_r:svirt_t:s0:c10,c20 tcontext=system_u:object_r:etc_t:s0 tclass=file permissive=0 exe=\"/usr/bin/audit-send\" hostname=? addr=? terminal=? res=success'")
        log.raw("type=USER_AVC msg=audit(\(log.stamp())): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0 msg='avc:  denied  { send_msg } for msgtype=method_call scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe=\"/usr/bin/dbus-broker\"'")
        let denials = try log.correlate().denials
        #expect(denials.map(\.primary.pid) == [2405, 4242, nil], "\(denials.map(\.primary.pid))")
    }

    @Test func unusableRecordsBecomeIssuesAndUnparsableLevelsAreKept() throws {
        var log = LogBuilder()
        log.boot()  // lease data complete: a label no lease covers is unknown, not unattributed
        log.raw("type=AVC msg=audit(\(log.stamp())): avc:  denied  { read } for  pid=1 comm=\"qemu-kvm\" scontext=system_u:sys")
        log.avc(pid: 7, scontext: svirt("s0:c1,c2048"), tcontext: image("s0:c1,c2"))
        let findings = try log.correlate()
        let reasons = findings.issues.map(\.reason)
        #expect(reasons.count == 2)
        #expect(reasons.contains { $0.contains("no tcontext") })
        #expect(reasons.contains { $0.contains("c2048") })
        #expect(findings.denials.count == 1)
        #expect(findings.denials[0].kind == .unknownSource)
    }

    @Test func statusXMLBootstrapsGuestsRunningBeforeTheLog() throws {
        let status = DomainStatus(name: "early", uuid: a, pid: 500, state: "running",
                                  securityLabels: [.init(model: "selinux", type: "dynamic", label: svirt("s0:c7,c8"),
                                                         imageLabel: image("s0:c7,c8"))],
                                  disks: [], file: "early.xml")
        var correlator = Correlator()
        let boot = correlator.bootstrap([.init(node: nil, status: status)])
        #expect(boot.events.map(\.kind) == [.domainStart])
        #expect(boot.events[0].timeMilliseconds == nil)
        #expect(correlator.bootstrap([.init(node: nil, status: status)]).isEmpty, "a known guest is not bootstrapped twice")
        var log = LogBuilder()
        log.start("alpha", b, level: "s0:c1,c2", pid: 1000)
        log.avc(pid: 1000, scontext: svirt("s0:c1,c2"), tcontext: image("s0:c7,c8"))
        let denials = try log.correlate(&correlator).denials
        #expect(denials.first?.targets.map(\.name) == ["early"])
    }
}
