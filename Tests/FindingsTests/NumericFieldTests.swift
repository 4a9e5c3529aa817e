import Testing
import AuditStream
@testable import Findings

/// pid, ino, uid, auid and exit are range-checked: a crafted value is a decoder issue, the denial
/// is kept without that field, and nothing traps.
@Suite struct NumericFieldTests {
    let scontext = "system_u:system_r:svirt_t:s0:c1,c2"
    let tcontext = "system_u:object_r:svirt_image_t:s0:c3,c4"

    @Test func outOfRangeNumbersAreIssuesAndTheDenialIsKept() throws {
        var log = LogBuilder()
        let s = log.stamp()
        log.raw("type=AVC msg=audit(\(s)): avc:  denied  { read } for  pid=99999999999999999999 comm=\"qemu-kvm\" name=\"x\" dev=\"dm-0\" ino=18446744073709551615 scontext=\(scontext) tcontext=\(tcontext) tclass=file permissive=0")
        log.raw("type=SYSCALL msg=audit(\(s)): arch=c000003e syscall=257 success=no exit=-99999999999999999999 a0=1 items=1 ppid=1 pid=7 auid=4294967296 uid=-5 gid=107 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" key=(null)")
        log.raw("type=PROCTITLE msg=audit(\(s)): proctitle=71656D75")
        let findings = try log.correlate()
        let denial = try #require(findings.denials.first)
        #expect(denial.avcs.first?.pid == nil)
        #expect(denial.avcs.first?.ino == nil)
        #expect(denial.context.exit == nil)
        #expect(denial.context.auid == nil)
        #expect(denial.context.uid == nil)
        #expect(denial.context.exe == "/usr/libexec/qemu-kvm", "the rest of the record is kept")
        let reasons = findings.issues.map(\.reason)
        #expect(reasons.count == 5, "\(reasons)")
        for field in ["pid=", "ino=", "exit=", "auid=", "uid=-5"] {
            #expect(reasons.contains { $0.contains(field) && $0.contains("out of range") }, "\(field) in \(reasons)")
        }
    }

    @Test func namesFromAusearchAreNotNumbersAndNotIssues() throws {
        var log = LogBuilder()
        let s = log.stamp()
        log.raw("type=AVC msg=audit(\(s)): avc:  denied  { read } for  pid=7 comm=qemu-kvm name=x ino=42 scontext=\(scontext) tcontext=\(tcontext) tclass=file permissive=0")
        log.raw("type=SYSCALL msg=audit(\(s)): arch=x86_64 syscall=openat success=no exit=EACCES(Permission denied) items=1 ppid=1 pid=7 auid=unset uid=qemu comm=qemu-kvm exe=/usr/libexec/qemu-kvm key=(null)")
        log.raw("type=PROCTITLE msg=audit(\(s)): proctitle=qemu")
        let findings = try log.correlate()
        #expect(findings.issues.isEmpty, "\(findings.issues.map(\.reason))")
        #expect(findings.denials.first?.avcs.first?.pid == 7)
        #expect(findings.denials.first?.avcs.first?.ino == 42)
        #expect(findings.denials.first?.context.auid == nil)
    }

    @Test(arguments: [
        ("4294967295", NumericField.value(4_294_967_295)), ("4294967296", .outOfRange("4294967296")),
        ("-1", .outOfRange("-1")), ("\"12\"", .value(12)), ("root", .absent), ("", .absent), ("-", .absent),
        ("99999999999999999999999999", .outOfRange("99999999999999999999999999")),
    ])
    func uidRange(text: String, expected: NumericField) {
        #expect(NumericField.read(text, in: NumericField.uidRange) == expected)
    }

    @Test func vmPidMinusOneIsLibvirtsStopAndNotAnIssue() throws {
        var log = LogBuilder()
        log.start("alpha", "aaaaaaaa-0000-0000-0000-000000000001", level: "s0:c1,c2", pid: 1000)
        log.control("stop", "alpha", "aaaaaaaa-0000-0000-0000-000000000001", pid: -1)
        log.control("start", "alpha", "aaaaaaaa-0000-0000-0000-000000000001", pid: 99_999_999_999)
        let issues = try log.correlate().issues
        #expect(issues.count == 1)
        #expect(issues.first?.reason.contains("vm-pid=99999999999") == true)
    }
}
