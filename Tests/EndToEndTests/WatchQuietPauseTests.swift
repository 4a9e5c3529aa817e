import Foundation
import Testing
import TestSupport

/// An event whose AVC record came alone, with its other records after the log had been quiet for
/// longer than watch waits: the lone AVC is stored by itself, then replaced by the complete event.
@Suite(.serialized) struct WatchQuietPauseTests {
    /// The hostile log's guest set-up, and its cross-guest AVC and PROCTITLE given the stamp of
    /// event `n` (`restamped`), for a watch following an empty log in a new folder.
    struct CrossGuestFlood {
        let log: URL
        let db: String
        let setup: String
        let avc: String
        let proctitle: String
        let watcher: WatchTests.Watcher

        init(_ label: String) throws {
            let folder = try Fixtures.temporaryFolder(label)
            log = folder.appendingPathComponent("audit.log")
            db = folder.appendingPathComponent("w.db").path
            let lines = CommandLineTests.hostileLog().split(separator: "\n").map(String.init)
            setup = lines.filter { $0.contains("VIRT_") }.joined(separator: "\n") + "\n"
            avc = try #require(lines.first { $0.hasPrefix("type=AVC") })
            proctitle = try #require(lines.first { $0.hasPrefix("type=PROCTITLE") })
            try "".write(to: log, atomically: true, encoding: .utf8)
            watcher = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--follow", log.path], folder: folder)
        }

        func restamped(_ line: String, _ n: Int) -> String {
            line.replacingOccurrences(of: #"msg=audit\([^)]*\)"#, with: "msg=audit(1764009000.\(100 + n):\(9000 + n))",
                                      options: .regularExpression)
        }
    }

    /// Both the summary and the pair's follow-up must count that event once (they counted the
    /// lone AVC and the replacement apart).
    @Test func anEventCompletedAfterAQuietPauseIsCountedAndAlertedOnce() throws {
        let f = try CrossGuestFlood("watch-pause")
        let (log, db, setup, avc, proctitle, watcher) = (f.log, f.db, f.setup, f.avc, f.proctitle, f.watcher)
        let restamped = f.restamped
        try WatchTests.append(setup, to: log)
        try WatchTests.append(restamped(avc, 1) + "\n", to: log)
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 1 }, "the lone AVC is stored once the log is quiet")
        try WatchTests.append(restamped(proctitle, 1) + "\n", to: log)
        for n in 2...5 { try WatchTests.append(restamped(avc, n) + "\n" + restamped(proctitle, n) + "\n", to: log) }
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 5 })
        Thread.sleep(forTimeInterval: 0.3)
        #expect(watcher.terminate() == 0)
        #expect(try WatchTests.denials(db) == 5)
        let said = try String(contentsOf: watcher.errors, encoding: .utf8)
        #expect(said.contains(" 5 denials (cross-guest=5)"), "the summary counts each denial once: \(said)")
        let alerts = watcher.alertLines().compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let counted = alerts.filter { $0["rule"] as? String == "cross-guest" }.reduce(0) { $0 + (($1["count"] as? Int) ?? 0) }
        #expect(counted == 5, "the alert and its follow-up count each denial once: \(alerts.map { $0["id"] ?? "" })")
    }

    /// Replacing an event dropped every open run from the writer's memory: a flood's repeats
    /// after it started a new run beside the one they belonged to. Only the replaced event's
    /// own run loses it now, and the completed event folds into the run of its kind.
    @Test func aReplacedEventAndTheRepeatsAfterItFoldIntoTheirRun() throws {
        let f = try CrossGuestFlood("watch-pause-fold")
        let (log, db, setup, avc, proctitle, watcher) = (f.log, f.db, f.setup, f.avc, f.proctitle, f.watcher)
        let restamped = f.restamped
        func whole(_ n: Int) -> String { restamped(avc, n) + "\n" + restamped(proctitle, n) + "\n" }
        try WatchTests.append(setup + whole(2) + whole(3), to: log)
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 2 })
        try WatchTests.append(restamped(avc, 1) + "\n", to: log)
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 3 }, "the lone AVC is stored once the log is quiet")
        try WatchTests.append(restamped(proctitle, 1) + "\n" + whole(4) + whole(5), to: log)
        func runs() -> String {
            (try? runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count(*) || ' ' || sum(count) FROM denial_runs"]))
                .map { String(decoding: $0.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        }
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 5 && runs().hasSuffix(" 5") })
        #expect(watcher.terminate() == 0)
        #expect(runs() == "1 5", "five denials of one kind in one minute, one run")
    }

    static let guests = """
        type=VIRT_MACHINE_ID msg=audit(1764000000.000:101): pid=1 uid=0 msg='virt=kvm vm="g00" uuid=00000000-0000-0000-0000-000000000000 vm-ctx=system_u:system_r:svirt_t:s0:c0,c500 img-ctx=system_u:object_r:svirt_image_t:s0:c0,c500 model=selinux exe="/usr/sbin/libvirtd" res=success'
        type=VIRT_CONTROL msg=audit(1764000000.000:102): pid=1 uid=0 msg='virt=kvm op=start reason=booted vm="g00" uuid=00000000-0000-0000-0000-000000000000 vm-pid=1000 exe="/usr/sbin/libvirtd" res=success'

        """
    /// A guest reading its own image (guest-self, which no rule alerts on), then, in the same
    /// event, asking for execmem: the whole event needs virt_use_execmem.
    static let selfRead = "type=AVC msg=audit(1764009000.106:9006): avc:  denied  { read } for  pid=1000 comm=\"qemu-kvm\" scontext=system_u:system_r:svirt_t:s0:c0,c500 tcontext=system_u:object_r:svirt_image_t:s0:c0,c500 tclass=file permissive=0\n"
    static let execmemRest = "type=AVC msg=audit(1764009000.106:9006): avc:  denied  { execmem } for  pid=1000 comm=\"qemu-kvm\" scontext=system_u:system_r:svirt_t:s0:c0,c500 tcontext=system_u:object_r:svirt_image_t:s0:c0,c500 tclass=file permissive=0\n"
        + "type=PROCTITLE msg=audit(1764009000.106:9006): proctitle=71656D75\n"

    /// Two lone AVCs fold into one run; the first is then completed and replaced (its run facts
    /// change with the SYSCALL). The run keeps the second event only, and must say so: a run of one
    /// is shown from its own first time and serial, which were still the replaced event's.
    @Test func aRunLeftWithOneEventByAReplacementShowsThatEvent() throws {
        let (log, db, watcher) = try Self.watchingAnEmptyLog("watch-pause-run")
        let second = Self.selfRead.replacingOccurrences(of: "1764009000.106:9006", with: "1764009000.900:9012")
        try WatchTests.append(Self.guests + Self.selfRead, to: log)
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 1 }, "the lone AVC is stored once the log is quiet")
        try WatchTests.append(second, to: log)
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 2 }, "the second lone AVC is stored once the log is quiet")
        try WatchTests.append("type=SYSCALL msg=audit(1764009000.106:9006): arch=c000003e syscall=257 success=no exit=-13 "
                              + "a0=1 a1=2 a2=3 a3=0 items=1 ppid=1 pid=1000 auid=4294967295 uid=107 gid=107 euid=107 suid=107 "
                              + "fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" "
                              + "exe=\"/usr/bin/qemu-kvm\" subj=system_u:system_r:svirt_t:s0:c0,c500 key=(null)\n", to: log)
        let syscalls = { (try? runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM denials WHERE syscall IS NOT NULL"]))
            .map { String(decoding: $0.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "" }
        #expect(watcher.wait { syscalls() == "1" }, "the completed event replaces the lone AVC")
        #expect(watcher.terminate() == 0)
        let guest = try Binary.run(["query", "guest", "g00", "--db", db, "--format", "jsonl"])
        #expect(guest.status == 0, "\(guest.stderr)")
        let evidence = guest.stdout.split(separator: "\n").filter { $0.contains("\"denial-as-") }
            .compactMap { line in line.range(of: #""evidence":"[^"]*""#, options: .regularExpression).map { String(line[$0]) } }
        // A guest reading its own image is on both sides: each denial shows twice.
        #expect(evidence.sorted() == [#""evidence":"9006""#, #""evidence":"9006""#, #""evidence":"9012""#, #""evidence":"9012""#],
                "\(guest.stdout)")
    }

    /// A watch (alerts as JSON) following an empty log in a new folder.
    static func watchingAnEmptyLog(_ label: String) throws -> (log: URL, db: String, watcher: WatchTests.Watcher) {
        let folder = try Fixtures.temporaryFolder(label)
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        try "".write(to: log, atomically: true, encoding: .utf8)
        let watcher = try WatchTests.Watcher(["--db", db, "--config", "/dev/null", "--format", "json", "--follow", log.path],
                                             folder: folder)
        return (log, db, watcher)
    }

    /// The complete event turned out to be of another kind than its lone AVC: it is alerted on
    /// under the new kind's rule (the lone AVC had none).
    @Test func aCompletedEventOfAnotherKindIsAlertedUnderItsOwnRule() throws {
        let (log, db, watcher) = try Self.watchingAnEmptyLog("watch-pause-kind")
        try WatchTests.append(Self.guests + Self.selfRead, to: log)
        #expect(watcher.wait { (try? WatchTests.denials(db)) == 1 }, "the lone AVC is stored once the log is quiet")
        try WatchTests.append(Self.execmemRest, to: log)
        let kinds = { (try? runProcess("/usr/bin/env", ["sqlite3", db, "SELECT kind FROM denials"])).map { String(decoding: $0.stdout, as: UTF8.self) } ?? "" }
        #expect(watcher.wait { kinds().contains("needs-boolean") })
        #expect(watcher.wait { watcher.alertLines().contains { $0.contains("\"kind\":\"needs-boolean\"") } },
                "the completed event's kind is alerted: \(watcher.alertLines())")
        #expect(watcher.terminate() == 0)
        #expect(try WatchTests.denials(db) == 1)
        let said = try String(contentsOf: watcher.errors, encoding: .utf8)
        #expect(said.contains(" 1 denial (needs-boolean=1)"), "\(said)")
    }

    /// A file cut in the middle of an event, ingested, then ingested again grown: the second run
    /// stored the complete event (it replaced the one the first run stored) and says so, with no
    /// count below zero.
    @Test func aGrownFileIngestedAgainCountsTheReplacedEventAsStored() throws {
        let folder = try Fixtures.temporaryFolder("ingest-grown")
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("i.db").path
        try (Self.guests + Self.selfRead).write(to: log, atomically: true, encoding: .utf8)
        let first = try Binary.run(["ingest", "--db", db, "--config", "/dev/null", log.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("1 denial (guest-self=1)"), "\(first.stderr)")
        try WatchTests.append(Self.execmemRest, to: log)
        let second = try Binary.run(["ingest", "--db", db, "--config", "/dev/null", log.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("1 event stored, 1 denial (needs-boolean=1)"), "\(second.stderr)")
        #expect(!second.stderr.contains("=-"), "no negative count: \(second.stderr)")
    }
}
