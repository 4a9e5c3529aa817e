import Foundation
import Testing
import TestSupport

/// Several watches on one database, one per node: each keeps its own alert windows and
/// deliveries (schema 007), and a second watch for a node that has one is refused.
@Suite(.serialized) struct WatchOwnerTests {
    static let guests = """
        type=VIRT_MACHINE_ID msg=audit(1764000000.000:101): pid=1 uid=0 msg='virt=kvm vm="g00" uuid=00000000-0000-0000-0000-000000000000 vm-ctx=system_u:system_r:svirt_t:s0:c0,c500 img-ctx=system_u:object_r:svirt_image_t:s0:c0,c500 model=selinux exe="/usr/sbin/libvirtd" res=success'
        type=VIRT_CONTROL msg=audit(1764000000.000:102): pid=1 uid=0 msg='virt=kvm op=start reason=booted vm="g00" uuid=00000000-0000-0000-0000-000000000000 vm-pid=1000 exe="/usr/sbin/libvirtd" res=success'
        type=VIRT_MACHINE_ID msg=audit(1764000000.000:103): pid=1 uid=0 msg='virt=kvm vm="g01" uuid=00000000-0000-0000-0000-000000000001 vm-ctx=system_u:system_r:svirt_t:s0:c1,c501 img-ctx=system_u:object_r:svirt_image_t:s0:c1,c501 model=selinux exe="/usr/sbin/libvirtd" res=success'
        type=VIRT_CONTROL msg=audit(1764000000.000:104): pid=1 uid=0 msg='virt=kvm op=start reason=booted vm="g01" uuid=00000000-0000-0000-0000-000000000001 vm-pid=1001 exe="/usr/sbin/libvirtd" res=success'

        """

    /// `count` cross-guest reads by g00 of g01's image, one per event, 10 ms apart.
    static func attack(_ count: Int, from serial: Int = 1000) -> String {
        (0..<count).map { n in
            "type=AVC msg=audit(1764000100.\(String(format: "%03d", n * 10)):\(serial + n)): avc:  denied  { read } for  pid=1000 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=7 scontext=system_u:system_r:svirt_t:s0:c0,c500 tcontext=system_u:object_r:svirt_image_t:s0:c1,c501 tclass=file permissive=0\n"
        }.joined()
    }

    static let otherEvent = "type=SERVICE_START msg=audit(1764000200.000:3000): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='unit=foo comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'\n"

    static func alerts(_ watcher: WatchTests.Watcher) -> [[String: Any]] {
        watcher.alertLines().compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    static func crossGuestCount(_ alerts: [[String: Any]]) -> Int {
        alerts.filter { $0["rule"] as? String == "cross-guest" }.reduce(0) { $0 + (($1["count"] as? Int) ?? 0) }
    }

    static func sql(_ db: String, _ query: String) -> String {
        ((try? runProcess("/usr/bin/env", ["sqlite3", db, query])).map { String(decoding: $0.stdout, as: UTF8.self) } ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Node A's watch holds an open window when node B's starts. B must not take it up (it
    /// closed A's windows with its own counts and printed A's alerts), and A's follow-up must
    /// still be its own.
    @Test func watchesOfTwoNodesKeepTheirOwnWindowsAndAlerts() throws {
        let folder = try Fixtures.temporaryFolder("watch-owners")
        let db = folder.appendingPathComponent("w.db").path
        let logA = folder.appendingPathComponent("a.log"), logB = folder.appendingPathComponent("b.log")
        try "".write(to: logA, atomically: true, encoding: .utf8)
        try "".write(to: logB, atomically: true, encoding: .utf8)
        let common = ["--db", db, "--config", "/dev/null", "--format", "json"]
        let a = try WatchTests.Watcher(common + ["--node", "hostA", "--follow", logA.path], folder: folder)
        try WatchTests.append(Self.guests + Self.attack(30), to: logA)
        #expect(a.wait { (try? WatchTests.denials(db)) == 30 })
        let b = try WatchTests.Watcher(common + ["--node", "hostB", "--follow", logB.path], folder: folder)
        // Another host's log: its own serials (a log is recognised by its first bytes).
        try WatchTests.append(Self.guests.replacingOccurrences(of: ":10", with: ":20") + Self.attack(20, from: 2000), to: logB)
        #expect(b.wait { (try? WatchTests.denials(db)) == 50 })
        Thread.sleep(forTimeInterval: 0.3)
        #expect(b.terminate() == 0)
        #expect(a.terminate() == 0)
        let fromA = Self.alerts(a), fromB = Self.alerts(b)
        #expect(!fromA.isEmpty && !fromB.isEmpty)
        #expect(fromA.allSatisfy { $0["node"] as? String == "hostA" }, "A printed only its own alerts: \(a.alertLines())")
        #expect(fromB.allSatisfy { $0["node"] as? String == "hostB" }, "B printed only its own alerts: \(b.alertLines())")
        #expect(Self.crossGuestCount(fromA) == 30, "A's alert and follow-up count A's 30 denials: \(a.alertLines())")
        #expect(Self.crossGuestCount(fromB) == 20, "B's alert and follow-up count B's 20 denials: \(b.alertLines())")
        #expect(Self.sql(db, "SELECT count(*) FROM alert_deliveries WHERE state != 'delivered'") == "0")
        #expect(Self.sql(db, "SELECT DISTINCT owner FROM alert_deliveries ORDER BY owner") == "hostA\nhostB")
    }

    /// `count` cross-guest reads by g01 of g00's image: the other pair, 10 ms apart from `time`.
    static func counterAttack(_ count: Int, from serial: Int, time: Int = 1_764_000_300) -> String {
        (0..<count).map { n in
            "type=AVC msg=audit(\(time).\(String(format: "%03d", n * 10)):\(serial + n)): avc:  denied  { read } for  pid=1001 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=8 scontext=system_u:system_r:svirt_t:s0:c1,c501 tcontext=system_u:object_r:svirt_image_t:s0:c0,c500 tclass=file permissive=0\n"
        }.joined()
    }

    static func crossGuestCount(_ alerts: [[String: Any]], from source: String) -> Int {
        crossGuestCount(alerts.filter { $0["source_vm"] as? String == source })
    }

    /// An `ingest` of the followed log while watch was stopped stored an attack first; watch took
    /// it for its own events read again and never alerted on it (helper-75: 32 of 112 alerts, 19
    /// critical). It is alerted on now, once, and what watch judged itself is not counted twice.
    @Test func anAttackAnIngestStoredFirstIsAlertedOnOnce() throws {
        let folder = try Fixtures.temporaryFolder("watch-judge-ingested")
        let db = folder.appendingPathComponent("w.db").path
        let log = folder.appendingPathComponent("audit.log")
        try (Self.guests + Self.attack(12)).write(to: log, atomically: false, encoding: .utf8)
        let common = ["--db", db, "--config", "/dev/null", "--format", "json", "--follow", log.path]
        let first = try WatchTests.Watcher(common, folder: folder)
        #expect(first.wait { (try? WatchTests.denials(db)) == 12 })
        Thread.sleep(forTimeInterval: 0.3)
        #expect(first.terminate() == 0)
        // And a guest started on g00's label: a label collision, found by the ingest's correlator.
        let collision = """
            type=VIRT_MACHINE_ID msg=audit(1764000400.000:6001): pid=1 uid=0 msg='virt=kvm vm="g02" uuid=00000000-0000-0000-0000-000000000002 vm-ctx=system_u:system_r:svirt_t:s0:c0,c500 img-ctx=system_u:object_r:svirt_image_t:s0:c0,c500 model=selinux exe="/usr/sbin/libvirtd" res=success'
            type=VIRT_CONTROL msg=audit(1764000400.000:6002): pid=1 uid=0 msg='virt=kvm op=start reason=booted vm="g02" uuid=00000000-0000-0000-0000-000000000002 vm-pid=1002 exe="/usr/sbin/libvirtd" res=success'

            """
        try WatchTests.append(Self.counterAttack(8, from: 5000) + collision, to: log)
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(try WatchTests.denials(db) == 20)
        let second = try WatchTests.Watcher(common, folder: folder)
        #expect(second.wait {
            let alerts = Self.alerts(second)
            return Self.crossGuestCount(alerts, from: "g01") > 0 && alerts.contains { $0["rule"] as? String == "label-collision" }
        }, "\(second.said())")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(second.terminate() == 0)
        let alerts = Self.alerts(first) + Self.alerts(second)
        #expect(Self.crossGuestCount(alerts, from: "g01") == 8, "the ingested attack, counted once: \(second.alertLines())")
        #expect(Self.crossGuestCount(alerts, from: "g00") == 12, "what watch judged itself, not again: \(second.alertLines())")
        #expect(try WatchTests.denials(db) == 20, "nothing stored twice")
        #expect(alerts.filter { $0["rule"] as? String == "label-collision" }.count == 1, "\(second.alertLines())")
        #expect(second.said().contains("(10 of them stored by another writer first"), "\(second.said())")
        // A third start reads nothing new and raises nothing.
        let third = try WatchTests.Watcher(common, folder: folder)
        Thread.sleep(forTimeInterval: 1)
        #expect(third.terminate() == 0)
        #expect(third.alertLines().isEmpty, "\(third.alertLines())")
    }

    /// The auditd plugin's variant: its catch-up starts at the file where its stream stopped, from
    /// that file's checkpoint, which an ingest while the plugin was down had moved to the end. The
    /// plugin's own reading is of its stream, so it had no position of its own in a file begun
    /// after its last catch-up.
    @Test func thePluginAlertsOnceOnAnAttackAnIngestStoredWhileItWasDown() throws {
        let folder = try Fixtures.temporaryFolder("plugin-judge-ingested")
        let db = folder.appendingPathComponent("p.db").path
        let log = folder.appendingPathComponent("audit.log")
        let plugin = ["watch", "--config", "/dev/null", "--db", db, "--format", "json", "--stdin", "--catch-up-log", log.path]
        func alerts(_ run: (status: Int32, stdout: String, stderr: String)) -> [[String: Any]] {
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        func service(_ time: Int, _ serial: Int) -> String {
            "type=SERVICE_START msg=audit(\(time).000:\(serial)): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='unit=foo comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'\n"
        }
        let first = Self.guests + Self.attack(12)
        try first.write(to: log, atomically: false, encoding: .utf8)
        var all = alerts(try Binary.run(plugin, stdin: Data(first.utf8)))
        // The next run's stream: one more event of the old file, which auditd then rotates, and a
        // minute and more of the new one (begun after this run's catch-up, so never read by it).
        let tail = service(1_764_000_250, 4900)
        func hostOnly(_ time: Int, _ serial: Int) -> String {
            "type=AVC msg=audit(\(time).000:\(serial)): avc:  denied  { getattr } for  pid=9 comm=\"httpd\" name=\"x\" dev=\"dm-0\" ino=9 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:user_home_t:s0 tclass=file permissive=0\n"
        }
        let streamed = Self.counterAttack(4, from: 5000, time: 1_764_000_300) + hostOnly(1_764_000_400, 5100)
        all += alerts(try Binary.run(plugin, stdin: Data((tail + streamed).utf8)))
        try WatchTests.append(tail, to: log)
        try FileManager.default.moveItem(atPath: log.path, toPath: log.path + ".1")
        try streamed.write(to: log, atomically: false, encoding: .utf8)
        // While it is down: more of the attack, which an ingest of the log stores first.
        // (Followed by a later event, so that the ingest's checkpoint passes the attack: a
        // checkpoint stays before events the log has not yet shown to be complete.)
        try WatchTests.append(Self.counterAttack(6, from: 6000, time: 1_764_000_500) + hostOnly(1_764_000_550, 6100), to: log)
        #expect(try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path]).status == 0)
        let next = service(1_764_000_600, 7000)
        try WatchTests.append(next, to: log)
        let third = try Binary.run(plugin, stdin: Data(next.utf8))
        all += alerts(third)
        // Said as a notice, with counts that add up (it said -12 missed: helper-81).
        #expect(third.stderr.contains("notice") && third.stderr.contains(
            ": 0 events the plugin had not stored, 12 already stored (7 of them stored by another writer while the plugin was down"),
                "\(third.stderr)")
        #expect(Self.crossGuestCount(all, from: "g01") == 10, "4 streamed and 6 the ingest stored, each once: \(all)")
        #expect(Self.crossGuestCount(all, from: "g00") == 12, "what the plugin judged itself, not again")
        #expect(try WatchTests.denials(db) == 24)
    }

    @Test func aSecondWatchForTheSameNodeIsRefused() throws {
        let folder = try Fixtures.temporaryFolder("watch-same-owner")
        let db = folder.appendingPathComponent("w.db").path
        let log = folder.appendingPathComponent("a.log")
        try "".write(to: log, atomically: true, encoding: .utf8)
        let first = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--node", "host\tA", "--follow", log.path],
                                           folder: folder)
        #expect(first.wait { FileManager.default.fileExists(atPath: db + "-watch-host%09A.lock") })
        let second = try runProcess(CommandLineTests.binary, ["watch", "--db", db, "--config", "/dev/null", "--node", "host\tA",
                                                             "--follow", log.path])
        #expect(second.status == 4)
        let said = String(decoding: second.stderr, as: UTF8.self)
        #expect(said.contains("another watch for node \"host\\tA\" is running (pid \(first.process.processIdentifier))"), "\(said)")
        #expect(!said.contains("\t"), "the node's tab is shown escaped: \(said)")
        // A node name must be one line, as for ingest and the config file.
        for bad in ["", "a\nb"] {
            let refused = try runProcess(CommandLineTests.binary, ["watch", "--db", db, "--config", "/dev/null", "--node", bad,
                                                                  "--follow", log.path])
            #expect(refused.status == 2, "\(bad.debugDescription): \(String(decoding: refused.stderr, as: UTF8.self))")
        }
        // Another node, and no node at all, are other owners.
        let other = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--node", "hostB", "--follow", log.path],
                                           folder: folder)
        let unnamed = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--follow", log.path], folder: folder)
        #expect(other.wait { FileManager.default.fileExists(atPath: db + "-watch-hostB.lock") })
        #expect(unnamed.wait { FileManager.default.fileExists(atPath: db + "-watch.lock") })
        Thread.sleep(forTimeInterval: 0.5)
        #expect(other.process.isRunning && unnamed.process.isRunning)
        #expect(other.terminate() == 0)
        #expect(unnamed.terminate() == 0)
        // SIGKILL leaves no lock behind: the kernel drops it with the process.
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        let again = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--node", "host\tA", "--follow", log.path],
                                           folder: folder)
        #expect(again.wait { again.said().contains("watching") }, "\(again.said())")
        #expect(again.terminate() == 0)
    }

    /// Windows and deliveries written before schema 007 belong to no one. The watch that wrote them
    /// (only one per database worked then) takes them up, recognised by the node its alerts name; a
    /// new node's watch started first leaves them.
    @Test func windowsAndDeliveriesFromBeforeOwnersAreTakenUp() throws {
        let folder = try Fixtures.temporaryFolder("watch-unowned")
        let db = folder.appendingPathComponent("w.db").path
        let log = folder.appendingPathComponent("a.log")
        try (Self.guests + Self.attack(12)).write(to: log, atomically: true, encoding: .utf8)
        let first = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--format", "json", "--node", "hostA",
                                            "--follow", log.path], folder: folder)
        #expect(first.wait { (try? WatchTests.denials(db)) == 12 })
        #expect(first.wait { Self.sql(db, "SELECT count(*) FROM alert_windows") != "0" })
        // A later event makes the denials (stored at the quiet pause) final: the checkpoint passes them.
        let head = Self.sql(db, "SELECT byte_offset FROM sources")
        try WatchTests.append(Self.otherEvent, to: log)
        #expect(first.wait { Self.sql(db, "SELECT byte_offset FROM sources") != head })
        Thread.sleep(forTimeInterval: 0.3)
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        // As a database written before 007 is after its migration.
        _ = Self.sql(db, """
            INSERT INTO alert_windows_unowned(key, value) SELECT key, value FROM alert_windows; DELETE FROM alert_windows;
            UPDATE alert_deliveries SET owner = NULL, state = 'pending';
            """)
        let opened = Self.sql(db, "SELECT count(*) FROM alert_windows_unowned")
        #expect(opened != "0")
        let stored = Self.sql(db, "SELECT alert_id FROM alerts ORDER BY id")
        // Another node's new watch, started first: not its windows, not its alerts.
        let otherLog = folder.appendingPathComponent("b.log")
        try "".write(to: otherLog, atomically: true, encoding: .utf8)
        let newcomer = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--format", "json", "--node", "hostB",
                                               "--follow", otherLog.path], folder: folder)
        #expect(newcomer.wait { newcomer.said().contains("watching") })
        #expect(newcomer.terminate() == 0)
        #expect(newcomer.alertLines().isEmpty, "\(newcomer.alertLines())")
        #expect(newcomer.said().contains("left") && newcomer.said().contains("hostA"), "\(newcomer.said())")
        #expect(Self.sql(db, "SELECT count(*) FROM alert_windows_unowned") == opened)
        let second = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--format", "json", "--node", "hostA",
                                             "--follow", log.path], folder: folder)
        #expect(second.wait { Self.sql(db, "SELECT count(*) FROM alert_windows_unowned") == "0" })
        #expect(second.terminate() == 0)
        let reprinted = Self.alerts(second)
        let ids = reprinted.compactMap { $0["id"] as? String }
        #expect(stored.split(separator: "\n").allSatisfy { ids.contains(String($0)) }, "pending alerts printed: \(ids)")
        #expect(Self.crossGuestCount(reprinted) == 12, "the taken-up window closes with the first run's count: \(second.alertLines())")
        #expect(Self.sql(db, "SELECT count(*) FROM alert_deliveries WHERE owner IS NULL OR state != 'delivered'") == "0")
        #expect(try WatchTests.denials(db) == 12, "the log was continued, not read again")
        let said = try String(contentsOf: second.errors, encoding: .utf8)
        #expect(said.contains("took up"), "\(said)")
    }
}


extension WatchOwnerTests {
    /// A database named through a link to a file not made yet shares its lock with its real name,
    /// and a name so long that the lock's would pass the file system's limit still gets a lock.
    @Test func theLockFollowsLinksAndFitsLongNames() throws {
        let folder = try Fixtures.temporaryFolder("watch-lock-names")
        let log = folder.appendingPathComponent("a.log")
        try "".write(to: log, atomically: true, encoding: .utf8)
        let real = folder.appendingPathComponent("real.db").path, link = folder.appendingPathComponent("link.db").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.db")
        let first = try WatchTests.Watcher(["--db", link, "--config", "/dev/null", "--node", "A", "--follow", log.path], folder: folder)
        #expect(first.wait { FileManager.default.fileExists(atPath: real + "-watch-A.lock") })
        let second = try runProcess(CommandLineTests.binary, ["watch", "--db", real, "--config", "/dev/null", "--node", "A",
                                                             "--follow", log.path])
        #expect(second.status == 4, "\(String(decoding: second.stderr, as: UTF8.self))")
        #expect(first.terminate() == 0)

        let long = folder.appendingPathComponent(String(repeating: "d", count: 240) + ".db").path
        let watcher = try WatchTests.Watcher(["--db", long, "--config", "/dev/null", "--node", "A", "--follow", log.path],
                                             folder: folder)
        #expect(watcher.wait { watcher.said().contains("watching") }, "\(watcher.said())")
        #expect(watcher.terminate() == 0)
    }

    /// A node renamed leaves its windows and unconfirmed alerts under the old name: the next
    /// watch says so, rather than leaving them unsent without a word.
    @Test func windowsLeftByARenamedNodeAreReported() throws {
        let folder = try Fixtures.temporaryFolder("watch-renamed")
        let db = folder.appendingPathComponent("w.db").path
        let log = folder.appendingPathComponent("a.log")
        try (Self.guests + Self.attack(5) + Self.otherEvent).write(to: log, atomically: true, encoding: .utf8)
        let first = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--node", "old", "--follow", log.path],
                                           folder: folder)
        // Windows proper: the table also holds where the watch read and judged (read|, judged|),
        // committed first, and a kill right after those under load left no window (CI, 2026-12-07).
        #expect(first.wait(seconds: 30) {
            Self.sql(db, "SELECT count(*) FROM alert_windows WHERE substr(key, 1, 8) IN ('repeats|', 'limited|')") != "0"
        })
        Thread.sleep(forTimeInterval: 0.3)
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        let second = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--node", "new", "--follow", log.path],
                                            folder: folder)
        #expect(second.wait { second.said().contains("watching") })
        #expect(second.terminate() == 0)
        #expect(second.said().contains("alerts of another node wait for its watch") && second.said().contains("node=old"), "\(second.said())")
        // While the old node's watch runs, its state is its own business: no word.
        let old = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--node", "old", "--follow", log.path],
                                         folder: folder)
        #expect(old.wait { FileManager.default.fileExists(atPath: db + "-watch-old.lock") })
        Thread.sleep(forTimeInterval: 0.5)
        let third = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--node", "new", "--follow", log.path],
                                           folder: folder)
        #expect(third.wait { third.said().contains("watching") })
        #expect(third.terminate() == 0)
        #expect(old.terminate() == 0)
        #expect(!third.said().contains("node=old"), "\(third.said())")
        // A node's watch that stopped cleanly left nothing open: no word about it.
        let fourth = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--node", "new", "--follow", log.path],
                                            folder: folder)
        #expect(fourth.wait { fourth.said().contains("watching") })
        #expect(fourth.terminate() == 0)
        #expect(!fourth.said().contains("node=old"), "\(fourth.said())")
    }
}

extension WatchOwnerTests {
    /// A central log's watch (no node) wrote alerts of two nodes before schema 7: a watch of one
    /// of those nodes must not take them (it would close the other's windows and print its
    /// alerts); a watch without a node does.
    @Test func unownedRowsOfSeveralNodesGoOnlyToAWatchWithoutANode() throws {
        let folder = try Fixtures.temporaryFolder("watch-unowned-central")
        let db = folder.appendingPathComponent("w.db").path
        let log = folder.appendingPathComponent("central.log")
        let central = ["fa", "fb"].map { node in
            (Self.guests + Self.attack(6)).split(separator: "\n").map { "node=\(node) \($0)\n" }.joined()
        }.joined()
        try central.write(to: log, atomically: true, encoding: .utf8)
        let first = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--format", "json", "--follow", log.path],
                                           folder: folder)
        #expect(first.wait { (try? WatchTests.denials(db)) == 12 })
        #expect(first.wait { Self.sql(db, "SELECT count(DISTINCT json_extract(value, '$.last.node')) FROM alert_windows WHERE key LIKE 'repeats|%'") == "2" })
        Thread.sleep(forTimeInterval: 0.3)
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        _ = Self.sql(db, """
            INSERT INTO alert_windows_unowned(key, value) SELECT key, value FROM alert_windows; DELETE FROM alert_windows;
            UPDATE alert_deliveries SET owner = NULL, state = 'pending';
            """)
        let empty = folder.appendingPathComponent("fa.log")
        try "".write(to: empty, atomically: true, encoding: .utf8)
        let one = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--format", "json", "--node", "fa",
                                          "--follow", empty.path], folder: folder)
        #expect(one.wait { one.said().contains("watching") })
        #expect(one.terminate() == 0)
        #expect(one.alertLines().isEmpty, "\(one.alertLines())")
        #expect(one.said().contains("left") && one.said().contains("fa, fb"), "\(one.said())")
        let collector = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--format", "json", "--follow", log.path],
                                               folder: folder)
        #expect(collector.wait { Self.sql(db, "SELECT count(*) FROM alert_windows_unowned") == "0" })
        #expect(collector.terminate() == 0)
        let alerts = Self.alerts(collector)
        #expect(Set(alerts.compactMap { $0["node"] as? String }) == ["fa", "fb"], "\(collector.alertLines())")
        #expect(Self.crossGuestCount(alerts) == 12, "\(collector.alertLines())")
    }
}
