import Foundation
import Testing
import TestSupport

/// The id an alert line of watch ends with names its event: `query explain` and `evidence` take
/// it as they take NODE:SERIAL (they refused it, so the operator had to find the serial in JSON).
@Suite struct AlertIDLookupTests {
    @Test(arguments: ["node=hv01 ", ""])
    func anAlertsIDFindsItsEvent(_ nodePrefix: String) throws {
        let folder = try Fixtures.temporaryFolder("alert-id")
        let log = folder.appendingPathComponent("audit.log")
        var lines: [String] = []
        var serial = 100
        for (name, uuid, level, pid) in [("web", "5b0cbd7a-0000-4000-8000-000000000001", "s0:c3,c4", 4241),
                                         ("evil", "5b0cbd7a-0000-4000-8000-000000000003", "s0:c1,c2", 4243)] {
            for (type, body) in [("VIRT_MACHINE_ID", "virt=kvm vm=\"\(name)\" uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux"),
                                 ("VIRT_CONTROL", "virt=kvm op=start reason=booted vm=\"\(name)\" uuid=\(uuid) vm-pid=\(pid)")] {
                serial += 1
                lines.append("\(nodePrefix)type=\(type) msg=audit(1764000000.\(serial):\(serial)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='\(body) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
            }
        }
        lines.append("\(nodePrefix)type=AVC msg=audit(1764000010.500:200): avc:  denied  { read } for  pid=4243 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0")
        // The same serial on another node: an id naming `-` (or hv01) must not find it.
        lines.append("node=zz type=AVC msg=audit(1764000011.000:200): avc:  denied  { write } for  pid=4243 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c5,c6 tcontext=system_u:object_r:svirt_image_t:s0:c7,c8 tclass=file permissive=0")
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("a.db").path
        let watcher = try WatchTests.Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path, "--format", "text"], folder: folder)
        #expect(watcher.wait { watcher.alertLines().contains { $0.contains("cross-guest") } }, "\(watcher.said())")
        #expect(watcher.terminate() == 0)
        let line = try #require(watcher.alertLines().first { $0.contains("cross-guest") })
        let id = try #require(line.split(separator: " ").last.map(String.init))
        #expect(id.hasSuffix(":200/cross-guest"), "\(line)")

        // After `--`: the id of a log without node= begins with a dash (`-/...`).
        let byAlert = try Binary.run(["query", "explain", "--db", db, "--format", "json", "--", id])
        // By serial (and time, which node zz's event of serial 200 does not share): the same event.
        let bySerial = try Binary.run(["query", "explain", "--db", db, (nodePrefix.isEmpty ? "" : "hv01:") + "200",
                                       "--time", "2025-11-24T16:00:10.500Z", "--format", "json"])
        #expect(byAlert.status == 0, "\(byAlert.stderr)")
        #expect(byAlert.stdout == bySerial.stdout)
        let explained = try JSONSerialization.jsonObject(with: Data(byAlert.stdout.utf8)) as? [[String: Any]]
        #expect(explained?.count == 1 && explained?.first?["id"] as? String == (nodePrefix.isEmpty ? "200" : "hv01:200"), "\(byAlert.stdout)")
        #expect(byAlert.stdout.contains("\"kind\":\"cross-guest\""), "\(byAlert.stdout)")
        let evidence = try Binary.run(["query", "evidence", "--db", db, "--", id])
        #expect(evidence.status == 0 && evidence.stdout.contains("msg=audit(1764000010.500:200)"), "\(evidence.stderr)")
        // A follow-up's id names the same event; a rule alone, or a stamp without milliseconds, is no id.
        #expect(try Binary.run(["query", "explain", "--db", db, "--format", "json", "--", id + "/repeats"]).stdout == bySerial.stdout)
        for wrong in ["hv01/1764000010:200/cross-guest", "hv01//cross-guest", "hv01/1764000010.500:200/", "hv01/1764000010.500:200/ ",
                      "hv01/1764000010.+50:+200/x", "hv01/9223372036854775.808:200/c", "hv01/99999999999999999999.000:200/c"] {
            #expect(try Binary.run(["query", "explain", "--db", db, "--", wrong]).status == 2, "\(wrong)")
        }
        // An alert's id names its event's own time: another time is no event (exit 1), not the
        // closest one.
        let node = nodePrefix.isEmpty ? "-" : "hv01"
        let elsewhere = try Binary.run(["query", "explain", "--db", db, "--", "\(node)/1700000000.000:200/cross-guest"])
        #expect(elsewhere.status == 1, "\(elsewhere.stdout)")
    }
}
