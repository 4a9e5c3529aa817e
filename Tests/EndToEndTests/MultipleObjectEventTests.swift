import Foundation
import Testing
import TestSupport

/// Through the binary: a guest deleting another guest's image logs the parent directory's
/// denial first, and `avc: granted` records are no denials (helper-71). Stored, queried and
/// alerted by the graver object.
@Suite struct MultipleObjectEventTests {
    static let log = """
        type=SYSTEM_BOOT msg=audit(1764042440.000:1): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg=' comm="systemd-update-utmp" exe="/usr/lib/systemd/systemd-update-utmp" hostname=? addr=? terminal=? res=success'
        type=VIRT_MACHINE_ID msg=audit(1764042445.000:100): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg='virt=kvm vm="alpha" uuid=00000000-0000-0000-0000-0000000000aa vm-ctx=system_u:system_r:svirt_t:s0:c87,c520 img-ctx=system_u:object_r:svirt_image_t:s0:c87,c520 model=selinux exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success'
        type=VIRT_CONTROL msg=audit(1764042445.000:102): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg='virt=kvm op=start reason=booted vm="alpha" uuid=00000000-0000-0000-0000-0000000000aa vm-pid=4001 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success'
        type=VIRT_MACHINE_ID msg=audit(1764042446.000:110): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg='virt=kvm vm="beta" uuid=00000000-0000-0000-0000-0000000000bb vm-ctx=system_u:system_r:svirt_t:s0:c1,c1023 img-ctx=system_u:object_r:svirt_image_t:s0:c1,c1023 model=selinux exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success'
        type=VIRT_CONTROL msg=audit(1764042446.000:112): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg='virt=kvm op=start reason=booted vm="beta" uuid=00000000-0000-0000-0000-0000000000bb vm-pid=4002 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success'
        type=AVC msg=audit(1764042450.000:300): avc:  denied  { write remove_name } for  pid=4001 comm="qemu-kvm" name="images" dev="dm-0" ino=11 scontext=system_u:system_r:svirt_t:s0:c87,c520 tcontext=system_u:object_r:tmp_t:s0 tclass=dir permissive=1
        type=AVC msg=audit(1764042450.000:300): avc:  denied  { unlink } for  pid=4001 comm="qemu-kvm" name="beta.qcow2" dev="dm-0" ino=12 scontext=system_u:system_r:svirt_t:s0:c87,c520 tcontext=system_u:object_r:svirt_image_t:s0:c1,c1023 tclass=file permissive=1
        type=SYSCALL msg=audit(1764042450.000:300): arch=c000003e syscall=87 success=yes exit=0 a0=7ffd a1=0 a2=0 a3=0 items=2 ppid=1 pid=4001 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-kvm" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c87,c520 key=(null)
        type=USER_AVC msg=audit(1764042451.000:301): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg='avc:  granted  { setenforce } for  pid=1 comm="systemd" scontext=system_u:system_r:init_t:s0 tcontext=system_u:object_r:security_t:s0 tclass=security permissive=0 exe="/usr/lib/systemd/systemd" sauid=0 hostname=? addr=? terminal=?'
        type=AVC msg=audit(1764042452.000:302): avc:  granted  { read } for  pid=4001 comm="qemu-kvm" name="beta.qcow2" dev="dm-0" ino=12 scontext=system_u:system_r:svirt_t:s0:c87,c520 tcontext=system_u:object_r:svirt_image_t:s0:c1,c1023 tclass=file
        type=SYSCALL msg=audit(1764042452.000:302): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=1 a2=0 a3=0 items=1 ppid=1 pid=4001 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-kvm" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c87,c520 key=(null)

        """

    @Test func ingestQueriesAndWatchNameTheGuestWhoseImageWasUnlinked() throws {
        let folder = try Fixtures.temporaryFolder("multi-object")
        defer { try? FileManager.default.removeItem(at: folder) }
        let logPath = folder.appendingPathComponent("audit.log").path
        try Data(Self.log.utf8).write(to: URL(fileURLWithPath: logPath))
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db, logPath])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("1 denial (cross-guest=1)"), "\(ingest.stderr)")

        let denials = try Binary.run(["query", "denials", "--config", "/dev/null", "--db", db, "--format", "jsonl"])
        #expect(denials.status == 0, "\(denials.stderr)")
        let rows = denials.stdout.split(separator: "\n")
        #expect(rows.count == 1, "granted records are no denials: \(denials.stdout)")
        let row = try #require(rows.first.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? nil)
        #expect(row["kind"] as? String == "cross-guest")
        #expect(row["target_vm"] as? String == "beta")
        #expect(row["tclass"] as? String == "file")
        #expect(row["perms"] as? [String] == ["unlink"])

        let touched = try Binary.run(["query", "who-touched", "beta", "--config", "/dev/null", "--db", db, "--format", "jsonl"])
        #expect(touched.status == 0 && touched.stdout.contains(#""source_vm":"alpha""#), "\(touched.stdout)\(touched.stderr)")

        let watch = try Binary.run(["watch", "--stdin", "--config", "/dev/null", "--format", "json",
                                    "--db", folder.appendingPathComponent("w.db").path], stdin: Data(Self.log.utf8))
        #expect(watch.status == 0, "\(watch.stderr)")
        let alerts = watch.stdout.split(separator: "\n").filter { $0.contains(#""kind":"cross-guest""#) }
        #expect(alerts.count == 1, "\(watch.stdout)")
        #expect(alerts.first?.contains(#""severity":"critical""#) == true, "\(watch.stdout)")
    }
}
