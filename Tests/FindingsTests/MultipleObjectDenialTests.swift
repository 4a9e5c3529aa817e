import Testing
@testable import Findings

/// Events whose AVC records name several objects, and `avc: granted` records (helper-71): an
/// unlink logs the parent directory's `{ write remove_name }` before the file's `{ unlink }`,
/// and a guest deleting another guest's image must be a cross-guest denial, not a host one.
@Suite struct MultipleObjectDenialTests {
    let a = "aaaaaaaa-0000-0000-0000-000000000001"
    let b = "bbbbbbbb-0000-0000-0000-000000000002"
    let alpha = "system_u:system_r:svirt_t:s0:c87,c520"
    let betaImage = "system_u:object_r:svirt_image_t:s0:c1,c1023"
    let hostDir = "system_u:object_r:tmp_t:s0"

    func avc(_ stamp: String, _ result: String = "denied", perms: String, name: String, tcontext: String, tclass: String) -> String {
        "type=AVC msg=audit(\(stamp)): avc:  \(result)  { \(perms) } for  pid=4001 comm=\"qemu-kvm\" name=\"\(name)\" dev=\"dm-0\" ino=12 scontext=\(alpha) tcontext=\(tcontext) tclass=\(tclass) permissive=1"
    }

    func syscall(_ stamp: String) -> String {
        "type=SYSCALL msg=audit(\(stamp)): arch=c000003e syscall=87 success=yes exit=0 a0=7ffd a1=0 a2=0 a3=0 items=2 ppid=1 pid=4001 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" subj=\(alpha) key=(null)"
    }

    func twoGuests() -> LogBuilder {
        var log = LogBuilder()
        log.boot()
        log.start("alpha", a, level: "s0:c87,c520", pid: 4001)
        log.start("beta", b, level: "s0:c1,c1023", pid: 4002)
        return log
    }

    @Test(arguments: [false, true])
    func theGravestObjectOfAnEventClassifiesIt(imageFirst: Bool) throws {
        var log = twoGuests()
        let s = log.stamp()
        let dir = avc(s, perms: "write remove_name", name: "images", tcontext: hostDir, tclass: "dir")
        let file = avc(s, perms: "unlink", name: "beta.qcow2", tcontext: betaImage, tclass: "file")
        log.raw(imageFirst ? file : dir)
        log.raw(imageFirst ? dir : file)
        log.raw(syscall(s))
        let denials = try log.correlate().denials
        #expect(denials.count == 1)
        let denial = try #require(denials.first)
        #expect(denial.kind == .crossGuest)
        #expect(denial.sources.map(\.name) == ["alpha"])
        #expect(denial.targets.map(\.name) == ["beta"])
        #expect(denial.primary.tcontext == betaImage)
        #expect(denial.primary.tclass == "file")
        #expect(denial.primaryIndex == (imageFirst ? 0 : 1))
        #expect(denial.perms == ["unlink"], "the directory's permissions are another object's")
        #expect(denial.avcs.count == 2, "both records stay with the event")
    }

    /// A context that does not parse is reported at its own record, whichever object the denial
    /// is classified by: a second object's was kept without a word (helper-83).
    @Test(arguments: [false, true])
    func anUnparsedContextOfAnyObjectIsReportedAtItsRecord(brokenFirst: Bool) throws {
        var log = twoGuests()
        let s = log.stamp()
        let broken = "system_u:object_r:svirt_image_t:s0:c1,c99999"
        let file = avc(s, perms: "unlink", name: "beta.qcow2", tcontext: betaImage, tclass: "file")
        let other = avc(s, perms: "write remove_name", name: "images", tcontext: broken, tclass: "dir")
        log.raw(brokenFirst ? other : file)
        log.raw(brokenFirst ? file : other)
        log.raw(syscall(s))
        let findings = try log.correlate()
        let denial = try #require(findings.denials.first)
        #expect(denial.kind == .crossGuest, "the image's object still classifies the event")
        #expect(denial.avcs.count == 2)
        let brokenLine = try #require(denial.avcs.first { $0.tcontext == broken }?.line)
        let issues = findings.issues.filter { $0.reason.hasPrefix("kept with an unparsed context") }
        #expect(issues.map(\.line) == [brokenLine], "one report, at the broken record's line: \(issues)")
        #expect(issues.first?.text.contains("c99999") == true)
    }

    @Test func severalRecordsOnOneObjectJoinTheirPermissions() throws {
        var log = twoGuests()
        let s = log.stamp()
        log.raw(avc(s, perms: "read", name: "beta.qcow2", tcontext: betaImage, tclass: "file"))
        log.raw(avc(s, perms: "open read", name: "beta.qcow2", tcontext: betaImage, tclass: "file"))
        log.raw(syscall(s))
        let denial = try #require(try log.correlate().denials.first)
        #expect(denial.kind == .crossGuest)
        #expect(denial.primaryIndex == 0)
        #expect(denial.perms == ["read", "open"])
    }

    @Test func anEqualGravityKeepsTheFirstRecord() throws {
        var log = twoGuests()
        let s = log.stamp()
        log.raw(avc(s, perms: "search", name: "images", tcontext: hostDir, tclass: "dir"))
        log.raw(avc(s, perms: "read", name: "passwd", tcontext: "system_u:object_r:etc_t:s0", tclass: "file"))
        log.raw(syscall(s))
        let denial = try #require(try log.correlate().denials.first)
        #expect(denial.kind == .guestHost)
        #expect(denial.primaryIndex == 0)
        #expect(denial.primary.tcontext == hostDir)
        #expect(denial.perms == ["search"])
    }

    @Test func aGrantedRecordIsNoDenial() throws {
        var log = twoGuests()
        var s = log.stamp()
        log.raw(avc(s, "granted", perms: "read", name: "beta.qcow2", tcontext: betaImage, tclass: "file"))
        log.raw(syscall(s))
        s = log.stamp()
        log.raw("type=USER_AVC msg=audit(\(s)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg='avc:  granted  { setenforce } for  pid=1 comm=\"systemd\" scontext=system_u:system_r:init_t:s0 tcontext=system_u:object_r:security_t:s0 tclass=security permissive=0 exe=\"/usr/lib/systemd/systemd\" sauid=0 hostname=? addr=? terminal=?'")
        // A denied record beside a granted one is the event's denial, alone.
        s = log.stamp()
        log.raw(avc(s, "granted", perms: "getattr", name: "images", tcontext: hostDir, tclass: "dir"))
        log.raw(avc(s, perms: "write", name: "beta.qcow2", tcontext: betaImage, tclass: "file"))
        log.raw(syscall(s))
        let denials = try log.correlate().denials
        #expect(denials.count == 1)
        #expect(denials.first?.kind == .crossGuest)
        #expect(denials.first?.avcs.count == 1)
        #expect(denials.first?.perms == ["write"])
    }

    func path(_ stamp: String, item: Int, _ name: String, obj: String, nametype: String) -> String {
        "type=PATH msg=audit(\(stamp)): item=\(item) name=\"\(name)\" inode=\(40 + item) dev=fd:00 mode=040755 ouid=0 ogid=0 rdev=00:00 obj=\(obj) nametype=\(nametype) cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0"
    }

    /// Two guest-host objects (helper-72): unlinking /etc/shadow logs /etc's denial first; the
    /// credentials are the graver object, and the path is the file's, not its directory's.
    @Test func hostCredentialsOutrankTheirDirectory() throws {
        var log = twoGuests()
        let s = log.stamp()
        log.raw(avc(s, perms: "write remove_name", name: "etc", tcontext: "system_u:object_r:etc_t:s0", tclass: "dir"))
        log.raw(avc(s, perms: "unlink", name: "shadow", tcontext: "system_u:object_r:shadow_t:s0", tclass: "file"))
        log.raw(syscall(s))
        log.raw(path(s, item: 0, "/etc/", obj: "system_u:object_r:etc_t:s0", nametype: "PARENT"))
        log.raw(path(s, item: 1, "/etc/shadow", obj: "system_u:object_r:shadow_t:s0", nametype: "DELETE"))
        let denial = try #require(try log.correlate().denials.first)
        #expect(denial.kind == .guestHost)
        #expect(denial.primary.tcontext == "system_u:object_r:shadow_t:s0")
        #expect(denial.perms == ["unlink"])
        #expect(denial.path == "/etc/shadow")
    }

    /// A guest reaching host credentials is graver than a label no guest holds (helper-72: the
    /// shipped rules call one critical, the other high).
    @Test func hostCredentialsOutrankAnUnknownLabel() throws {
        var log = twoGuests()
        let s = log.stamp()
        log.raw(avc(s, perms: "read", name: "shadow", tcontext: "system_u:object_r:shadow_t:s0", tclass: "file"))
        log.raw(avc(s, perms: "getattr", name: "old.qcow2", tcontext: "system_u:object_r:svirt_image_t:s0:c9,c10", tclass: "file"))
        log.raw(syscall(s))
        let denial = try #require(try log.correlate().denials.first)
        #expect(denial.kind == .guestHost)
        #expect(denial.primaryIndex == 0)
    }

    /// A record whose context does not parse is no evidence of something graver (helper-72: its
    /// host-guest judgement outranked a guest reaching host credentials, and no rule alerts on it).
    @Test func aRecordWithAnUnreadableContextDoesNotOutrankAReadableOne() throws {
        var log = twoGuests()
        let s = log.stamp()
        log.raw(avc(s, perms: "read", name: "shadow", tcontext: "system_u:object_r:shadow_t:s0", tclass: "file"))
        log.raw(avc(s, perms: "read", name: "beta.qcow2", tcontext: betaImage, tclass: "file").replacingOccurrences(of: "scontext=\(alpha)", with: "scontext=svirt_t"))
        log.raw(syscall(s))
        let denial = try #require(try log.correlate().denials.first)
        #expect(denial.kind == .guestHost)
        #expect(denial.primaryIndex == 0)
    }

    /// Ranked as stored (helper-73): where lease data is incomplete an unheld label is
    /// unattributed (info), below a guest reaching a host directory (high).
    @Test func anUnattributedObjectDoesNotOutrankAHostObject() throws {
        var log = LogBuilder()  // no boot: lease data incomplete
        log.start("alpha", a, level: "s0:c87,c520", pid: 4001)
        let s = log.stamp()
        log.raw(avc(s, perms: "write remove_name", name: "images", tcontext: hostDir, tclass: "dir"))
        log.raw(avc(s, perms: "unlink", name: "old.qcow2", tcontext: "system_u:object_r:svirt_image_t:s0:c7,c8", tclass: "file"))
        log.raw(syscall(s))
        let denial = try #require(try log.correlate().denials.first)
        #expect(denial.kind == .guestHost)
        #expect(denial.primaryIndex == 0)
    }
}
