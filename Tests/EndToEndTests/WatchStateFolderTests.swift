import Foundation
import Testing
import TestSupport

/// watch --libvirt-state looks at the folder again when it changes: a guest whose VIRT records
/// never reached the log gets its lease from the status XML written later, and denials from then
/// on name it.
@Suite(.serialized) struct WatchStateFolderTests {
    static func status(name: String, uuid: String, level: String, pid: Int) -> String {
        """
        <domstatus state='running' reason='booted' pid='\(pid)'>
          <domain type='kvm' id='3'>
            <name>\(name)</name>
            <uuid>\(uuid)</uuid>
            <seclabel type='dynamic' model='selinux' relabel='yes'>
              <label>system_u:system_r:svirt_t:\(level)</label>
              <imagelabel>system_u:object_r:svirt_image_t:\(level)</imagelabel>
            </seclabel>
          </domain>
        </domstatus>
        """
    }

    static func avc(_ stamp: String, pid: Int, source: String, target: String) -> String {
        "type=AVC msg=audit(\(stamp)): avc:  denied  { read } for  pid=\(pid) comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:\(source) tcontext=system_u:object_r:svirt_image_t:\(target) tclass=file permissive=0\ntype=PROCTITLE msg=audit(\(stamp)): proctitle=71656D75\n"
    }

    static func kinds(_ db: String) throws -> [String] {
        let r = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT kind || ' ' || coalesce(source_vm, '-') || ' ' || coalesce(target_vm, '-') FROM denials ORDER BY time_ms, serial"])
        return String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func aGuestWrittenToTheStateFolderLaterGetsItsLeaseFromThen() throws {
        let folder = try Fixtures.temporaryFolder("watch-state")
        let state = folder.appendingPathComponent("run", isDirectory: true)
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Self.status(name: "web", uuid: "11111111-0000-0000-0000-000000000001", level: "s0:c1,c2", pid: 101)
            .write(to: state.appendingPathComponent("web.xml"), atomically: true, encoding: .utf8)
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        try "".write(to: log, atomically: true, encoding: .utf8)
        let watcher = try WatchTests.Watcher(["--db", db, "--follow", log.path, "--libvirt-state", state.path], folder: folder)

        // db's VIRT records were lost: its denial on web's disk has an unknown source.
        try WatchTests.append(Self.avc("1764000010.000:20", pid: 202, source: "s0:c3,c4", target: "s0:c1,c2"), to: log)
        #expect(watcher.wait { ((try? Self.kinds(db)) ?? []).count == 1 }, "the first denial is stored")
        #expect(try Self.kinds(db) == ["unknown-source - web"])

        // libvirt writes db's status file (a temporary name, then a rename, as libvirt does).
        let temporary = state.appendingPathComponent(".db.xml.new")
        try Self.status(name: "db", uuid: "22222222-0000-0000-0000-000000000002", level: "s0:c3,c4", pid: 202)
            .write(to: temporary, atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(at: temporary, to: state.appendingPathComponent("db.xml"))
        let leased = watcher.wait(seconds: 15) {
            let r = try? runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM leases l JOIN guests g ON g.id = l.guest_id WHERE g.name = 'db'"])
            return r.map { String(decoding: $0.stdout, as: UTF8.self).hasPrefix("1") } ?? false
        }
        #expect(leased, "db gets a lease from the status XML written after watch started")

        try WatchTests.append(Self.avc("1764000020.000:21", pid: 202, source: "s0:c3,c4", target: "s0:c1,c2"), to: log)
        #expect(watcher.wait { ((try? Self.kinds(db)) ?? []).count == 2 }, "the second denial is stored")
        // db ran with a label the log never showed since watch's first snapshot: the earlier
        // denial becomes unattributed (we could not know), the later one names both guests.
        #expect(try Self.kinds(db) == ["unattributed - web", "cross-guest db web"])
        let coverage = try runProcess(WatchTests.binary, ["query", "coverage", "--db", db, "--format", "jsonl"])
        let intervals = String(decoding: coverage.stdout, as: UTF8.self)
        #expect(intervals.contains("found running in status XML"), "query coverage names the guest found later: \(intervals)")
        #expect(watcher.alertLines().contains { $0.contains("\"rule\":\"cross-guest\"") && $0.contains("\"source_vm\":\"db\"") })

        // A guest started without sVirt (no selinux <seclabel>) shows up later: its posture is alerted.
        try """
        <domstatus state='running' reason='booted' pid='303'>
          <domain type='kvm' id='4'>
            <name>bare</name>
            <uuid>33333333-0000-0000-0000-000000000003</uuid>
            <seclabel type='dynamic' model='dac' relabel='yes'><label>+107:+107</label></seclabel>
          </domain>
        </domstatus>
        """.write(to: state.appendingPathComponent("bare.xml"), atomically: true, encoding: .utf8)
        #expect(watcher.wait(seconds: 15) {
            watcher.alertLines().contains { $0.contains("\"rule\":\"unconfined-guest\"") && $0.contains("\"bare\"") }
        }, "the unconfined guest found in a later snapshot is alerted")
        #expect(watcher.terminate() == 0)
    }

    @Test func aStateFolderRemovedAndMadeAgainIsStillWatched() throws {
        // inotify follows the inode: without re-arming, the new folder's files were never read.
        let folder = try Fixtures.temporaryFolder("watch-state-again")
        let state = folder.appendingPathComponent("run", isDirectory: true)
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        try "".write(to: log, atomically: true, encoding: .utf8)
        let watcher = try WatchTests.Watcher(["--db", db, "--follow", log.path, "--libvirt-state", state.path], folder: folder)
        Thread.sleep(forTimeInterval: 1.5)
        try FileManager.default.removeItem(at: state)
        Thread.sleep(forTimeInterval: 1.5)
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Self.status(name: "db", uuid: "22222222-0000-0000-0000-000000000002", level: "s0:c3,c4", pid: 202)
            .write(to: state.appendingPathComponent("db.xml"), atomically: true, encoding: .utf8)
        let leased = watcher.wait(seconds: 15) {
            let r = try? runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM leases l JOIN guests g ON g.id = l.guest_id WHERE g.name = 'db'"])
            return r.map { String(decoding: $0.stdout, as: UTF8.self).hasPrefix("1") } ?? false
        }
        #expect(leased, "the status file written to the new folder is read")
        #expect(watcher.terminate() == 0)
    }

    /// libvirt writes a starting guest's status XML a moment before its audit records: the file
    /// is left alone until it has settled, so the records give the guest its one lease and start.
    @Test func aStartingGuestsStatusFileDoesNotRaceItsAuditRecords() throws {
        let folder = try Fixtures.temporaryFolder("watch-state-race")
        let state = folder.appendingPathComponent("run", isDirectory: true)
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        try "".write(to: log, atomically: true, encoding: .utf8)
        let watcher = try WatchTests.Watcher(["--db", db, "--follow", log.path, "--libvirt-state", state.path], folder: folder)
        #expect(watcher.wait { FileManager.default.fileExists(atPath: db) })
        Thread.sleep(forTimeInterval: 1.5)

        let uuid = "44444444-0000-0000-0000-000000000004"
        try Self.status(name: "late", uuid: uuid, level: "s0:c7,c8", pid: 404)
            .write(to: state.appendingPathComponent("late.xml"), atomically: true, encoding: .utf8)
        Thread.sleep(forTimeInterval: 1.5)  // the folder is looked at (at most once a second) before the records
        try WatchTests.append("""
            type=VIRT_MACHINE_ID msg=audit(1764000030.000:40): pid=1 uid=0 msg='virt=kvm vm="late" uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:s0:c7,c8 img-ctx=system_u:object_r:svirt_image_t:s0:c7,c8 model=selinux exe="/usr/sbin/virtqemud" res=success'
            type=VIRT_CONTROL msg=audit(1764000030.100:41): pid=1 uid=0 msg='virt=kvm op=start reason=booted vm="late" uuid=\(uuid) vm-pid=404 exe="/usr/sbin/virtqemud" res=success'

            """, to: log)
        Thread.sleep(forTimeInterval: 8)  // past the settle time and another look
        func count(_ sql: String) throws -> String {
            String(decoding: try runProcess("/usr/bin/env", ["sqlite3", db, sql]).stdout, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(try count("SELECT count(*) FROM leases l JOIN guests g ON g.id = l.guest_id WHERE g.name = 'late' AND l.model = 'selinux'") == "1")
        #expect(try count("SELECT count(*) FROM events WHERE kind = 'domain-start' AND vm = 'late'") == "1")
        #expect(try count("SELECT origin FROM leases l JOIN guests g ON g.id = l.guest_id WHERE g.name = 'late' AND l.model = 'selinux'") == "audit")
        #expect(watcher.terminate() == 0)
    }

    /// A watch started before libvirt made its state folder keeps running and reads the folder
    /// once it appears.
    @Test func aStateFolderThatDoesNotExistYetIsWaitedFor() throws {
        let folder = try Fixtures.temporaryFolder("watch-state-later")
        let state = folder.appendingPathComponent("run", isDirectory: true)
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        try "".write(to: log, atomically: true, encoding: .utf8)
        let watcher = try WatchTests.Watcher(["--db", db, "--follow", log.path, "--libvirt-state", state.path], folder: folder)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(watcher.process.isRunning, "watch keeps running without the state folder")
        let errors = (try? String(contentsOf: watcher.errors, encoding: .utf8)) ?? ""
        #expect(errors.contains("libvirt state folder not read at start"), "and says so: \(errors)")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Self.status(name: "early", uuid: "55555555-0000-0000-0000-000000000005", level: "s0:c9,c10", pid: 505)
            .write(to: state.appendingPathComponent("early.xml"), atomically: true, encoding: .utf8)
        let leased = watcher.wait(seconds: 20) {
            let r = try? runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM leases l JOIN guests g ON g.id = l.guest_id WHERE g.name = 'early'"])
            return r.map { String(decoding: $0.stdout, as: UTF8.self).hasPrefix("1") } ?? false
        }
        #expect(leased, "the guest in the folder made later gets its lease")
        #expect(watcher.terminate() == 0)
    }
}
