import Foundation
import Testing
import TestSupport

/// The real binary following a file: alerts as lines arrive, rotation, restart, plugin mode.
@Suite(.serialized) struct WatchTests {
    static var binary: String { CommandLineTests.binary }

    final class Watcher {
        let process = Process()
        let alerts: URL
        let errors: URL

        init(_ args: [String], folder: URL, stdin: FileHandle? = nil, environment: [String: String] = [:]) throws {
            alerts = folder.appendingPathComponent("alerts-\(UUID().uuidString.prefix(6)).jsonl")
            errors = folder.appendingPathComponent("watch-\(UUID().uuidString.prefix(6)).err")
            _ = FileManager.default.createFile(atPath: alerts.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: WatchTests.binary)
            process.arguments = ["watch"] + args
            process.standardOutput = try FileHandle(forWritingTo: alerts)
            process.standardError = try FileHandle(forWritingTo: errors)
            if let stdin { process.standardInput = stdin }
            if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
            }
            try process.run()
        }

        /// A test that fails before its SIGTERM leaves no watch behind.
        deinit {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }

        /// What watch wrote to standard error so far.
        func said() -> String {
            (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        }

        func alertLines() -> [String] {
            (try? String(contentsOf: alerts, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        }

        /// Waits (bounded) until `condition` holds.
        func wait(seconds: Double = 10, _ condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return condition()
        }

        func terminate() -> Int32 {
            process.terminate()  // SIGTERM
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// One guest's denied read of another's disk, as its AVC and SYSCALL lines (event `serial` at
    /// `second`.500): for tests that cut an event between the two.
    static func readDenial(_ serial: Int, second: Int) -> (avc: String, syscall: String) {
        let stamp = "msg=audit(\(second).500:\(serial))"
        return ("type=AVC \(stamp): avc:  denied  { read } for  pid=4243 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0\n",
                "type=SYSCALL \(stamp): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=4243 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" exe=\"/usr/bin/qemu-kvm\" subj=system_u:system_r:svirt_t:s0:c1,c2 key=(null)\n")
    }

    static func append(_ text: String, to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    static func denials(_ db: String) throws -> Int {
        let r = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM denials"])
        return Int(String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Starts watch on `log` again, waits until the store holds `expected` denials, stops it, and
    /// returns the pipeline gaps recorded (one JSON line each).
    static func watchAgain(_ db: String, _ log: URL, folder: URL, until expected: Int) throws -> [Substring] {
        let watcher = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(watcher.wait { (try? denials(db)) == expected }, "\(watcher.said())")
        #expect(watcher.terminate() == 0)
        #expect(try denials(db) == expected)
        return try Binary.run(["query", "events", "--db", db, "--kind", "pipeline-gap", "--format", "jsonl"]).stdout
            .split(separator: "\n")
    }

    /// A log of ten denials that a watch read whole and then stopped (SIGTERM): where the
    /// catch-up tests below begin.
    static func logWatchedOnce(_ label: String, firstSerial: Int) throws -> (folder: URL, log: URL, db: String, rotating: RotatingDenialLog) {
        let folder = try Fixtures.temporaryFolder(label)
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        let rotating = RotatingDenialLog(log, firstSerial: firstSerial)
        try rotating.denials(10).write(to: log, atomically: false, encoding: .utf8)
        let first = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(first.wait { (try? Self.denials(db)) == 10 }, "\(first.said())")
        #expect(first.terminate() == 0)
        return (folder, log, db, rotating)
    }

    /// An `ingest` of the current log while watch was stopped made it the source read last under
    /// the path, so the restarted watch took every rotated copy before it as read: the part of
    /// the copy it had been reading and the copies after it were lost without a word (helper-75).
    @Test func anIngestOfTheCurrentLogWhileStoppedLeavesNoRotatedCopyUnread() throws {
        let (folder, log, db, rotating) = try Self.logWatchedOnce("watch-ingest-between", firstSerial: 1000)
        let denials = rotating.denials
        let rotate = { try rotating.rotate(beginningWith: 10) }
        // While it is stopped: the log grows, rotates twice, and the current file is ingested.
        try Self.append(denials(10), to: log)
        try rotate()
        try rotate()
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stderr.contains("writes to this database"), "no watch runs: \(ingest.stderr)")
        #expect(try Self.denials(db) == 20)
        let second = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(second.wait { (try? Self.denials(db)) == 40 }, "\(second.said())")
        // Beside a running watch, an ingest says what it costs: the alerts of what it stores first.
        let beside = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(beside.stderr.contains("warning: watch (pid \(second.process.processIdentifier)) writes to this database"), "\(beside.stderr)")
        #expect(second.terminate() == 0)
        #expect(try Self.denials(db) == 40)
    }

    /// The same with the copy watch was reading gone (num_logs): the ingest's source was the one
    /// read last, and the copy between was skipped with no gap recorded (helper-77).
    @Test func anIngestAfterTheReadCopyRotatedAwayLeavesNoCopyUnread() throws {
        let (folder, log, db, rotating) = try Self.logWatchedOnce("watch-ingest-after-wrap", firstSerial: 3000)
        try rotating.rotate(beginningWith: 10)
        try rotating.rotate(beginningWith: 10)
        try FileManager.default.removeItem(atPath: log.path + ".2")  // num_logs = 1: the file watch read is gone
        #expect(try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path]).status == 0)
        let gaps = try Self.watchAgain(db, log, folder: folder, until: 30)
        // The file read last is gone: where its unread part was is said, as without the ingest.
        #expect(gaps.count == 1, "\(gaps)")
    }

    /// An ingest run by hand in the log's folder names the files relatively (`ingest audit.log.1
    /// audit.log`). It stored those names over watch's absolute ones, so the restarted watch
    /// found no source read under its path and caught nothing up: what auditd wrote to the current
    /// file between the ingest and its rotation was lost, with no gap (found this session).
    @Test func anIngestGivenRelativePathsLeavesNothingOfTheRotatedFileUnread() throws {
        let (folder, log, db, rotating) = try Self.logWatchedOnce("watch-ingest-relative", firstSerial: 6000)
        try Self.append(rotating.denials(10), to: log)
        try rotating.rotate(beginningWith: 5)
        let ingest = try runProcess("/bin/sh", ["-c", "cd \"$1\" && \"$2\" ingest --config /dev/null --db \"$3\" audit.log.1 audit.log",
                                                "sh", folder.path, Binary.path, db])
        #expect(ingest.status == 0, "\(String(decoding: ingest.stderr, as: UTF8.self))")
        #expect(try Self.denials(db) == 25)
        // auditd goes on writing to the file the ingest read, and rotates it.
        try Self.append(rotating.denials(5), to: log)
        try FileManager.default.removeItem(atPath: log.path + ".1")
        try rotating.rotate(beginningWith: 5)
        let gaps = try Self.watchAgain(db, log, folder: folder, until: 35)
        #expect(gaps.isEmpty, "nothing was lost: \(gaps)")
    }

    /// A file watch stored nothing of, because it was empty and then held only a half-written
    /// first line while watch ran, is read whole when it rotates before the next start: no
    /// source of it was stored to say where watch stood (helper-78; kept by watch's own read
    /// positions since).
    @Test func aFileWatchStoredNothingOfIsReadWhenItRotatesBeforeTheNextStart() throws {
        let (folder, log, db, rotating) = try Self.logWatchedOnce("watch-empty-then-rotated", firstSerial: 5000)
        try rotating.rotate(beginningWith: 0)
        let second = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(second.wait { second.said().contains("watching") }, "\(second.said())")
        let next = rotating.denials(10)
        let cut = next.utf8.index(next.utf8.startIndex, offsetBy: 70)
        try Self.append(String(next[..<cut]), to: log)
        usleep(500_000)
        #expect(second.terminate() == 0)
        #expect(try Self.denials(db) == 10, "nothing of a half-written line is stored")
        try Self.append(String(next[cut...]), to: log)
        try rotating.rotate(beginningWith: 5)
        let gaps = try Self.watchAgain(db, log, folder: folder, until: 25)
        #expect(gaps.isEmpty, "nothing was lost: \(gaps)")
    }

    /// As above with the ingest reading a rotated copy too (num_logs 2): the oldest copy the store
    /// held part of was that ingest's, and the copy older than it was skipped (helper-78).
    @Test func anIngestOfACopyAndTheCurrentLogAfterAWrapLeavesNoCopyUnread() throws {
        let (folder, log, db, rotating) = try Self.logWatchedOnce("watch-ingest-copy-after-wrap", firstSerial: 4000)
        for _ in 1...3 {
            try rotating.rotate(beginningWith: 10)
            if FileManager.default.fileExists(atPath: log.path + ".3") { try FileManager.default.removeItem(atPath: log.path + ".3") }
        }
        #expect(try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path + ".1", log.path]).status == 0)
        let second = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(second.wait { (try? Self.denials(db)) == 40 }, "\(second.said())")
        #expect(second.terminate() == 0)
        #expect(try Self.denials(db) == 40)
    }

    /// The plugin's variant (helper-75): its catch-up started from the newest event stored, which
    /// an ingest of the current log had made that file's end, and the rotated copies between what
    /// the plugin's stream had stored and it were skipped in silence.
    @Test func theRestartedPluginCatchesUpPastAnIngestOfTheCurrentLog() throws {
        let folder = try Fixtures.temporaryFolder("plugin-ingest-between")
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("p.db").path
        let rotating = RotatingDenialLog(log, firstSerial: 2000)
        let denials = rotating.denials
        let rotate = { try rotating.rotate(beginningWith: 10) }
        let plugin = ["watch", "--config", "/dev/null", "--db", db, "--stdin", "--catch-up-log", log.path]
        // auditd logs what it hands the plugin.
        let first = denials(10)
        try first.write(to: log, atomically: false, encoding: .utf8)
        #expect(try Binary.run(plugin, stdin: Data(first.utf8)).status == 0)
        #expect(try Self.denials(db) == 10)
        // While it is down: the log grows and rotates twice, and the current file is ingested.
        try Self.append(denials(10), to: log)
        try rotate()
        try rotate()
        #expect(try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path]).status == 0)
        #expect(try Self.denials(db) == 20)
        let next = denials(1)
        try Self.append(next, to: log)
        let second = try Binary.run(plugin, stdin: Data(next.utf8))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.denials(db) == 41, "\(second.stderr)")
    }

    /// The host's clock stepped back (serials go on, stamps start over in the past): a guest started
    /// after the step is stamped before a guest stopped ahead of it, on the same label. Judged by
    /// stamps, a denial on that label in the overlap named both; it names the one that held the
    /// label when it was logged, and watch says where the clock went back (helper-75).
    @Test func aClockStepBackIsJudgedInTheOrderLoggedAndSaid() throws {
        let folder = try Fixtures.temporaryFolder("watch-step-back")
        let db = folder.appendingPathComponent("s.db").path
        let r = try Binary.run(["watch", "--config", "/dev/null", "--db", db, "--stdin"], stdin: Data(Self.steppedLog(webSerials: (311, 312)).utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("the host's clock went back in standard input (or lines of another time or host were pasted there): "
                                  + "serial 311, stamped 2025-11-24T15:59:55.100Z, was logged after events stamped up to "
                                  + "2025-11-24T16:01:30.000Z, 94.900 s later. The events logged after it with an older stamp are judged "
                                  + "in the order logged"), "\(r.stderr)")
        // ingest of the same log counts them: web's two records and the denial.
        let file = folder.appendingPathComponent("stepped.log")
        try Self.steppedLog(webSerials: (311, 312)).write(to: file, atomically: true, encoding: .utf8)
        let i = try Binary.run(["ingest", "--config", "/dev/null", "--db", folder.appendingPathComponent("i.db").path, file.path])
        #expect(i.stderr.contains("warning: the host's clock went back in \(file.path) "), "\(i.stderr)")
        #expect(i.stderr.contains("3 events logged after it with an older stamp were judged in the order logged"), "\(i.stderr)")
        #expect(!r.stderr.contains("older than events already stored"), "\(r.stderr)")
        let rows = try Self.denialRows(db)
        #expect(rows.count == 1)
        #expect(rows.first?["kind"] as? String == "cross-guest", "\(rows)")
        #expect(rows.first?["source_vms"] as? [String] == ["app"], "\(rows)")
        #expect(rows.first?["target_vms"] as? [String] == ["web"], "\(rows)")
        // The step is kept, by watch and ingest alike, with the first event logged after it, and
        // the digest lists it with the changes.
        for (store, source) in [(db, "-"), (folder.appendingPathComponent("i.db").path, file.path)] {
            let steps = try Binary.run(["query", "events", "--config", "/dev/null", "--db", store, "--kind", "clock-step", "--format", "jsonl"])
            let lines = steps.stdout.split(separator: "\n")
            #expect(lines.count == 1, "\(steps.stdout)\(steps.stderr)")
            let step = try lines.first.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(step??["serial"] as? Int == 311 && step??["time"] as? String == "2025-11-24T15:59:55.100Z", "\(steps.stdout)")
            let detail = step??["detail"] as? [String: Any]
            #expect(detail?["back_ms"] as? Int == 94_900 && detail?["newest_before"] as? String == "2025-11-24T16:01:30.000Z"
                    && detail?["source"] as? String == source, "\(steps.stdout)")
            let digest = try Binary.run(["digest", "--config", "/dev/null", "--db", store, "--period", "2025-11-24T00:00:00Z..2025-11-25T00:00:00Z"])
            let prose = digest.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(prose.contains("clock-step: the clock went back 94.900 s in"), "\(digest.stdout)")
            let stats = try Binary.run(["query", "stats", "--config", "/dev/null", "--db", store, "--format", "csv"])
            #expect(stats.stdout.contains("clock-steps,-,1,2025-11-24T15:59:55.100Z,"), "\(stats.stdout)")
            // The published schema takes the section (helper-104: a validating SIEM broke on it).
            let statsLines = try Binary.run(["query", "stats", "--config", "/dev/null", "--db", store, "--format", "jsonl"])
            let schema = try JSONSchemaValidator(named: "stats")
            for line in statsLines.stdout.split(separator: "\n") {
                let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(schema.problems(row).isEmpty, "\(line): \(schema.problems(row))")
            }
            // Outside the step's time, or for another node, none.
            let before = try Binary.run(["query", "stats", "--config", "/dev/null", "--db", store, "--format", "csv",
                                         "--until", "2025-11-24T15:59:55Z"])
            let other = try Binary.run(["query", "stats", "--config", "/dev/null", "--db", store, "--format", "csv", "--node", "hv9"])
            #expect(!before.stdout.contains("clock-steps") && !other.stdout.contains("clock-steps"), "\(before.stdout)\(other.stdout)")
            // A window inside the stretch of repeated stamps, which holds events of both sides but
            // not the step's own stamp, shows it (helper-104); one after the stretch does not.
            let inside = try Binary.run(["query", "stats", "--config", "/dev/null", "--db", store, "--format", "csv",
                                         "--since", "2025-11-24T16:00:30Z", "--until", "2025-11-24T16:01:00Z"])
            let after = try Binary.run(["query", "stats", "--config", "/dev/null", "--db", store, "--format", "csv",
                                        "--since", "2025-11-24T16:01:31Z"])
            #expect(inside.stdout.contains("clock-steps,-,1,") && !after.stdout.contains("clock-steps"), "\(inside.stdout)\(after.stdout)")
            let hour = try Binary.run(["digest", "--config", "/dev/null", "--db", store, "--period", "2025-11-24T16:00:30Z..2025-11-24T16:01:00Z"])
            let hourProse = hour.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(hourProse.contains("clock-step: the clock went back 94.900 s"), "\(hour.stdout)")
            // The command it names lists the step too, whose stamp lies before the period (helper-105).
            let command = hourProse.replacingOccurrences(of: " \\", with: "")
            #expect(command.contains("--kind clock-step --since 2025-11-24T15:59:55.100Z --until 2025-11-24T16:01:00Z"),
                    "\(hour.stdout)")
        }
        // The step between two runs: a first run reads up to db's stop, the next reads on from its
        // checkpoint (watch restarted, a periodic ingest). Judged by stamps, web's start went
        // before db's stop, which then ended web's lease, and app's denial was an unknown label's.
        let log = Self.steppedLog(webSerials: (311, 312))
        let head = log.split(separator: "\n").prefix(5).joined(separator: "\n") + "\n"
        let growing = folder.appendingPathComponent("audit.log")
        try head.write(to: growing, atomically: true, encoding: .utf8)
        let ingested = folder.appendingPathComponent("r.db").path
        _ = try Binary.run(["ingest", "--config", "/dev/null", "--db", ingested, growing.path])
        try log.write(to: growing, atomically: true, encoding: .utf8)
        let again = try Binary.run(["ingest", "--config", "/dev/null", "--db", ingested, growing.path])
        #expect(again.stderr.contains("warning: the host's clock went back in \(growing.path)"), "\(again.stderr)")
        let watched = folder.appendingPathComponent("rw.db").path
        _ = try Binary.run(["watch", "--config", "/dev/null", "--db", watched, "--stdin"], stdin: Data(head.utf8))
        let restarted = try Binary.run(["watch", "--config", "/dev/null", "--db", watched, "--stdin"], stdin: Data(log.utf8))
        #expect(restarted.stderr.contains("the host's clock went back in standard input"), "\(restarted.stderr)")
        for (store, output) in [(ingested, again.stderr), (watched, restarted.stderr)] {
            #expect(!output.contains("older than events already stored"), "\(output)")
            let after = try Self.denialRows(store)
            #expect(after.count == 1 && after.first?["kind"] as? String == "cross-guest", "\(after)")
            #expect(after.first?["target_vms"] as? [String] == ["web"], "\(after)")
        }
    }

    /// A flood of one denial repeated across a step: the repeats are served from the memo, and
    /// were not placed, so the step was measured against the flood's first denial (10 s back where
    /// the clock went 59 s back, helper-100) or not seen at all.
    @Test func aStepInAFloodOfRepeatsIsMeasuredFromTheNewestRepeat() throws {
        let folder = try Fixtures.temporaryFolder("step-in-flood")
        var lines = Self.steppedLog(webSerials: (301, 302), denial: false).split(separator: "\n").prefix(4).map(String.init)
        for k in 0..<100 {
            // 1 s apart from 1764000100; from the 51st on, 60 s back.
            let seconds = 1_764_000_100 + k - (k >= 50 ? 60 : 0)
            lines.append("type=AVC msg=audit(\(seconds).000:\(400 + k)): avc:  denied  { read } for  pid=4243 comm=\"qemu-kvm\" name=\"db.qcow2\" dev=\"dm-0\" ino=1234 scontext=system_u:system_r:svirt_t:s0:c7,c8 tcontext=system_u:object_r:svirt_image_t:s0:c1,c2 tclass=file permissive=0")
        }
        let log = folder.appendingPathComponent("flood.log")
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let r = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(r.stderr.contains("100 denials (cross-guest=100)"), "\(r.stderr)")
        #expect(r.stderr.contains("serial 450, stamped 2025-11-24T16:01:30.000Z, was logged after events stamped up to 2025-11-24T16:02:29.000Z, "
                                  + "59.000 s later. 50 events logged after it"), "\(r.stderr)")
        // Kept when first seen: the last repeats before the step, lone AVCs, were still held by the
        // reader (waiting 2 s of log time for their context records), so the stored step is
        // measured from the newest one emitted by then (16:02:26), not from the flood's first.
        let steps = try Binary.run(["query", "events", "--config", "/dev/null", "--db", db, "--kind", "clock-step", "--format", "jsonl"])
        let rows = steps.stdout.split(separator: "\n")
        #expect(rows.count == 1, "\(steps.stdout)")
        let step = try rows.first.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let back = (step??["detail"] as? [String: Any])?["back_ms"] as? Int ?? 0
        #expect(step??["serial"] as? Int == 450 && (56_000...59_000).contains(back), "\(steps.stdout)")
    }

    /// The first event after a step logged between the records of the last one before it: the
    /// reader lets the held event go at the step, and its records that come after reopen it
    /// (helper-102: made final, it was stored twice, the second piece without its exe).
    @Test func anEventStraddlingAStepIsStoredOnceWhole() throws {
        let folder = try Fixtures.temporaryFolder("straddle")
        var lines = Self.steppedLog(webSerials: (301, 302), denial: false).split(separator: "\n").prefix(4).map(String.init)
        func avc(_ stamp: String) -> String {
            "type=AVC msg=audit(\(stamp)): avc:  denied  { read } for  pid=4243 comm=\"qemu-kvm\" name=\"db.qcow2\" dev=\"dm-0\" ino=1234 scontext=system_u:system_r:svirt_t:s0:c7,c8 tcontext=system_u:object_r:svirt_image_t:s0:c1,c2 tclass=file permissive=0"
        }
        func context(_ stamp: String) -> [String] {
            ["type=SYSCALL msg=audit(\(stamp)): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=4243 auid=4294967295 uid=107 gid=107 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" subj=system_u:system_r:svirt_t:s0:c7,c8 key=(null)",
             "type=CWD msg=audit(\(stamp)): cwd=\"/\"",
             "type=PATH msg=audit(\(stamp)): item=0 name=\"/var/lib/libvirt/images/db.qcow2\" inode=1234 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c1,c2 nametype=NORMAL",
             "type=PROCTITLE msg=audit(\(stamp)): proctitle=71656D752D6B766D"]
        }
        let before = "1764000100.000:400", after = "1764000070.000:401"
        lines += [avc(before), avc(after)] + context(before) + context(after)
        let log = folder.appendingPathComponent("straddle.log")
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let r = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(r.stderr.contains("6 events stored, 2 denials (cross-guest=2)"), "\(r.stderr)")
        let rows = try Self.denialRows(db)
        #expect(rows.map { $0["serial"] as? Int } == [400, 401] || rows.map { $0["serial"] as? Int } == [401, 400], "\(rows)")
        #expect(rows.allSatisfy { $0["exe"] as? String == "/usr/libexec/qemu-kvm" && $0["path"] as? String == "/var/lib/libvirt/images/db.qcow2" },
                "\(rows)")
    }

    /// A stream whose clock goes back on every other event (two hosts' lines without node= in one
    /// file): every step is counted in the warning, but one a minute is kept as an event.
    @Test func aClockGoingBackOnEveryOtherEventKeepsOneStepEventAMinute() throws {
        let folder = try Fixtures.temporaryFolder("zigzag")
        var lines = Self.steppedLog(webSerials: (301, 302), denial: false).split(separator: "\n").prefix(4).map(String.init)
        for k in 0..<200 {
            let seconds = 1_764_000_100 + k - (k % 2 == 1 ? 600 : 0)
            lines.append("type=AVC msg=audit(\(seconds).000:\(400 + k)): avc:  denied  { read } for  pid=4243 comm=\"qemu-kvm\" name=\"db.qcow2\" dev=\"dm-0\" ino=1234 scontext=system_u:system_r:svirt_t:s0:c7,c8 tcontext=system_u:object_r:svirt_image_t:s0:c1,c2 tclass=file permissive=0")
            lines.append("type=SYSCALL msg=audit(\(seconds).000:\(400 + k)): arch=c000003e syscall=257 success=no exit=-13 items=0 ppid=1 pid=4243 auid=4294967295 uid=107 gid=107 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" subj=system_u:system_r:svirt_t:s0:c7,c8 key=(null)")
        }
        let log = folder.appendingPathComponent("zigzag.log")
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let r = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(r.stderr.contains("200 denials (cross-guest=200)") && r.stderr.contains("(99 more steps after it)"), "\(r.stderr)")
        let steps = try Binary.run(["query", "events", "--config", "/dev/null", "--db", db, "--kind", "clock-step", "--format", "jsonl"])
        let rows = steps.stdout.split(separator: "\n").count
        // 200 s of log: the first step, then one a minute.
        #expect((3...4).contains(rows), "\(rows): \(steps.stdout)")
    }

    /// Records of an older log read late (lower serials too) are not a step: their guest starts
    /// are applied after later ones, and watch says so, as ingest does.
    @Test func aGuestStartOlderThanTheTimelineIsSaidByWatch() throws {
        let folder = try Fixtures.temporaryFolder("watch-late-start")
        let db = folder.appendingPathComponent("s.db").path
        let r = try Binary.run(["watch", "--config", "/dev/null", "--db", db, "--stdin"], stdin: Data(Self.steppedLog(webSerials: (201, 202), denial: false).utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("guest start/stop records are older than events already stored for their node"), "\(r.stderr)")
        #expect(r.stderr.contains("the host's clock stepped back, or an older log was read late"), "\(r.stderr)")
        #expect(!r.stderr.contains("judged in the order logged"), "\(r.stderr)")
        // In order, nothing is said.
        let log = Self.steppedLog(webSerials: (311, 312)).split(separator: "\n")
        let ordered = try Binary.run(["watch", "--config", "/dev/null", "--db", folder.appendingPathComponent("o.db").path, "--stdin"],
                                     stdin: Data((log.prefix(5).joined(separator: "\n") + "\n").utf8))
        #expect(ordered.status == 0, "\(ordered.stderr)")
        #expect(!ordered.stderr.contains("older than events already stored") && !ordered.stderr.contains("stepped back"), "\(ordered.stderr)")
        // An older log read late is no step of the clock: nothing is kept as one.
        let steps = try Binary.run(["query", "events", "--config", "/dev/null", "--db", db, "--kind", "clock-step", "--format", "jsonl"])
        #expect(steps.status == 1 && steps.stdout.isEmpty, "\(steps.stdout)")
    }

    /// Guest app (c7,c8) and db (c1,c2) start, db stops; then, stamped 95 s before db's stop, web
    /// gets c1,c2 and (with `denial`) app reads web's image.
    static func steppedLog(webSerials: (Int, Int), denial: Bool = true) -> String {
        let libvirtd = "pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023"
        func start(_ time: String, _ serials: (Int, Int), _ name: String, _ n: Int, _ level: String) -> String {
            let vm = "virt=kvm vm=\"\(name)\" uuid=5b0cbd7a-0000-4000-8000-00000000000\(n)"
            return """
                type=VIRT_MACHINE_ID msg=audit(\(time)0:\(serials.0)): \(libvirtd) msg='\(vm) vm-ctx=system_u:system_r:svirt_t:s0:\(level) img-ctx=system_u:object_r:svirt_image_t:s0:\(level) model=selinux exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'
                type=VIRT_CONTROL msg=audit(\(time)1:\(serials.1)): \(libvirtd) msg='virt=kvm op=start reason=booted \(vm) vm-pid=424\(n) exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'

                """
        }
        return start("1763999990.00", (297, 298), "app", 3, "c7,c8")
            + start("1764000000.50", (299, 300), "db", 2, "c1,c2")
            + """
            type=VIRT_CONTROL msg=audit(1764000090.000:310): \(libvirtd) msg='virt=kvm op=stop reason=shutdown vm="db" uuid=5b0cbd7a-0000-4000-8000-000000000002 vm-pid=-1 exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'

            """
            + start("1763999995.10", webSerials, "web", 1, "c1,c2")
            + (!denial ? "" : """
            type=AVC msg=audit(1764000000.800:313): avc:  denied  { read } for  pid=4243 comm="qemu-kvm" name="web.qcow2" dev="dm-0" ino=1234 scontext=system_u:system_r:svirt_t:s0:c7,c8 tcontext=system_u:object_r:svirt_image_t:s0:c1,c2 tclass=file permissive=0

            """)
    }

    /// `query denials` as JSON objects.
    static func denialRows(_ db: String) throws -> [[String: Any]] {
        let r = try Binary.run(["query", "denials", "--config", "/dev/null", "--db", db, "--format", "jsonl"])
        return try r.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// A mistyped --follow waited for ever under "no inotify ... No such file or directory",
    /// which named the wrong cause; the folder's absence is said, and a log that then appears
    /// there is still followed.
    @Test func aFollowedLogWhoseFolderIsMissingIsSaidSoAndFollowedOnceThere() throws {
        let folder = try Fixtures.temporaryFolder("watch-no-folder")
        let log = folder.appendingPathComponent("later/audit.log")
        let db = folder.appendingPathComponent("w.db").path
        let watcher = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(watcher.wait { watcher.said().contains("later of the followed log does not exist (a mistyped --follow?)") },
                "\(watcher.said())")
        #expect(!watcher.said().contains("no inotify"), "\(watcher.said())")
        try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "node=hv01 type=AVC msg=audit(1764000010.500:200): avc:  denied  { read } for  pid=4243 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0\n"
            .write(to: log, atomically: false, encoding: .utf8)
        #expect(watcher.wait { (try? Self.denials(db)) == 1 }, "\(watcher.said())")
        #expect(watcher.terminate() == 0)
    }

    /// A FIFO at the followed path (or a link to one) made open(2) wait for a writer: watch hung
    /// there without a word, deaf to SIGTERM. It is refused with the reason, at start and when a
    /// rotation leaves one at the log's name, after the renamed file's events are stored.
    @Test func aFollowedPathThatIsAFIFOIsRefusedInsteadOfWaitedOn() throws {
        let folder = try Fixtures.temporaryFolder("watch-fifo")
        let log = folder.appendingPathComponent("audit.log")
        let pipe = folder.appendingPathComponent("pipe")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: log.path, withDestinationPath: "pipe")
        func ended(_ watcher: Watcher) -> Bool {
            let ended = watcher.wait { !watcher.process.isRunning }
            if !ended { kill(watcher.process.processIdentifier, SIGKILL); watcher.process.waitUntilExit() }
            return ended
        }
        let db = folder.appendingPathComponent("w.db").path
        let atStart = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(ended(atStart), "watch waited in open(2) for a writer")
        #expect(atStart.process.terminationStatus == 3)
        #expect(atStart.said().contains("audit.log: is a FIFO (named pipe), not a log file"), "\(atStart.said())")

        try FileManager.default.removeItem(at: log)
        try "node=hv01 type=AVC msg=audit(1764000010.500:200): avc:  denied  { read } for  pid=4243 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0\n"
            .write(to: log, atomically: false, encoding: .utf8)
        let rotated = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(rotated.wait { rotated.said().contains("watching") })
        try FileManager.default.moveItem(at: log, to: folder.appendingPathComponent("audit.log.1"))
        try FileManager.default.createSymbolicLink(atPath: log.path, withDestinationPath: "pipe")
        #expect(ended(rotated), "watch waited in open(2) for a writer after the rotation")
        #expect(rotated.process.terminationStatus == 3)
        #expect(rotated.said().contains("audit.log: is a FIFO (named pipe), not a log file"), "\(rotated.said())")
        #expect(try Self.denials(db) == 1)
    }

    /// Every checkpoint trails its file's end by its last 2 s of events, so each rotation reads
    /// that tail of the copy again. It was reported at every rotation, and at every start after
    /// one, as a copy "rotated before watch had read it to its end": a warning that cried wolf.
    /// It is said only for a copy that held something watch had not stored.
    @Test func aRotationWatchReadToItsEndIsNotReportedAsReadLate() throws {
        let folder = try Fixtures.temporaryFolder("watch-rotation-quiet")
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        func avc(_ serial: Int) -> String { Self.readDenial(serial, second: 1764000010 + serial).avc }
        func syscall(_ serial: Int) -> String { Self.readDenial(serial, second: 1764000010 + serial).syscall }
        // The last event of the first file goes on in the next one (a rotation between records).
        try ((10..<15).map { avc($0) + syscall($0) }.joined() + avc(15)).write(to: log, atomically: false, encoding: .utf8)
        let marker = "rotated before watch had read it to its end"
        let running = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(running.wait { (try? Self.denials(db)) == 6 }, "\(running.said())")
        try FileManager.default.moveItem(at: log, to: folder.appendingPathComponent("audit.log.1"))
        try (syscall(15) + (16..<20).map { avc($0) + syscall($0) }.joined()).write(to: log, atomically: false, encoding: .utf8)
        #expect(running.wait { (try? Self.denials(db)) == 10 }, "\(running.said())")
        #expect(running.wait { running.said().contains("after its rotation: nothing more to store") }, "\(running.said())")
        #expect(running.terminate() == 0)
        #expect(!running.said().contains(marker), "\(running.said())")
        let restarted = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(restarted.wait { restarted.said().contains("watching") })
        Thread.sleep(forTimeInterval: 0.5)
        #expect(restarted.terminate() == 0)
        #expect(!restarted.said().contains(marker), "\(restarted.said())")
        #expect(try Self.denials(db) == 10)

        // Written while nothing watched, then rotated: that copy is read late, and said so.
        try Self.append(avc(20) + syscall(20), to: log)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("audit.log.1"), to: folder.appendingPathComponent("audit.log.2"))
        try FileManager.default.moveItem(at: log, to: folder.appendingPathComponent("audit.log.1"))
        try (avc(21) + syscall(21)).write(to: log, atomically: false, encoding: .utf8)
        let late = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(late.wait { (try? Self.denials(db)) == 12 }, "\(late.said())")
        #expect(late.terminate() == 0)
        #expect(late.said().contains("audit.log.1, \(marker): 1 event stored"), "\(late.said())")

        // Stored by an ingest while watch was stopped, then rotated: watch judges them for
        // alerts from the copy, and says so (helper-88: it said "nothing more to store").
        try Self.append(avc(22) + syscall(22), to: log)
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        for n in stride(from: 2, through: 1, by: -1) {
            try FileManager.default.moveItem(at: folder.appendingPathComponent("audit.log.\(n)"),
                                             to: folder.appendingPathComponent("audit.log.\(n + 1)"))
        }
        try FileManager.default.moveItem(at: log, to: folder.appendingPathComponent("audit.log.1"))
        try (avc(23) + syscall(23)).write(to: log, atomically: false, encoding: .utf8)
        let judged = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(judged.wait { (try? Self.denials(db)) == 14 }, "\(judged.said())")
        #expect(judged.wait { judged.said().contains("stored by another writer first and judged for alerts here") }, "\(judged.said())")
        #expect(judged.terminate() == 0)
        #expect(judged.said().contains("audit.log.1, \(marker)"), "\(judged.said())")
        #expect(judged.alertLines().contains { $0.contains(":22/") }, "\(judged.alertLines())")

        // Completed from the copy alone: the lone AVC stored provisionally while the log was
        // quiet, its SYSCALL written just before a copytruncate (watch held still meanwhile).
        try Self.append(avc(24), to: log)
        let grown = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(grown.wait { (try? Self.denials(db)) == 15 }, "\(grown.said())")
        Thread.sleep(forTimeInterval: 0.5)
        kill(grown.process.processIdentifier, SIGSTOP)
        try Self.append(syscall(24), to: log)
        try FileManager.default.copyItem(at: log, to: folder.appendingPathComponent("audit.log.0"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("audit.log.3"))
        for n in stride(from: 2, through: 0, by: -1) {
            try FileManager.default.moveItem(at: folder.appendingPathComponent("audit.log.\(n)"),
                                             to: folder.appendingPathComponent("audit.log.\(n + 1)"))
        }
        let handle = try FileHandle(forWritingTo: log)
        handle.truncateFile(atOffset: 0)
        handle.write(Data((avc(25) + syscall(25)).utf8))
        try handle.close()
        kill(grown.process.processIdentifier, SIGCONT)
        #expect(grown.wait { (try? Self.denials(db)) == 16 }, "\(grown.said())")
        #expect(grown.wait { grown.said().contains("1 event completed") }, "\(grown.said())")
        #expect(grown.terminate() == 0)
        let exe = try Binary.run(["query", "denials", "--db", db, "--format", "jsonl"])
        #expect(exe.stdout.split(separator: "\n").contains { $0.contains("\"serial\":24,") && $0.contains("/usr/bin/qemu-kvm") },
                "\(exe.stdout)")
    }

    /// A lone AVC an earlier run stored, completed by its SYSCALL in the rotated copy, is no new
    /// event: the copy "completed" it (helper-89: it said "1 event stored").
    @Test func aRotatedCopyTellsAnEventItCompletedFromAnEarlierRun() throws {
        let folder = try Fixtures.temporaryFolder("watch-rotation-completed")
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        func avc(_ serial: Int) -> String { Self.readDenial(serial, second: 1764000110 + serial).avc }
        func syscall(_ serial: Int) -> String { Self.readDenial(serial, second: 1764000110 + serial).syscall }
        let marker = "rotated before watch had read it to its end"
        // A lone AVC stored by one run, its SYSCALL written after that run stopped, then rotated.
        try ((10..<15).map { avc($0) + syscall($0) }.joined() + avc(15)).write(to: log, atomically: false, encoding: .utf8)
        let first = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(first.wait { (try? Self.denials(db)) == 6 }, "\(first.said())")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(first.terminate() == 0)
        try Self.append(syscall(15), to: log)
        try FileManager.default.moveItem(at: log, to: folder.appendingPathComponent("audit.log.1"))
        try (avc(16) + syscall(16)).write(to: log, atomically: false, encoding: .utf8)
        let completed = try Watcher(["--config", "/dev/null", "--db", db, "--follow", log.path], folder: folder)
        #expect(completed.wait { (try? Self.denials(db)) == 7 }, "\(completed.said())")
        #expect(completed.wait { completed.said().contains(marker) }, "\(completed.said())")
        #expect(completed.terminate() == 0)
        #expect(completed.said().contains("audit.log.1, \(marker): 1 event completed"), "\(completed.said())")
        #expect(!completed.said().contains("event stored"), "\(completed.said())")
    }

    @Test func theDaemonLogShowsControlCharactersEscaped() throws {
        // Log lines quote the paths they were given: an ESC in one must not reach the terminal.
        let folder = try Fixtures.temporaryFolder("watch-log-escape")
        let path = folder.appendingPathComponent("\u{1B}[31mred").appendingPathComponent("audit.log").path
        let watcher = try Watcher(["--db", folder.appendingPathComponent("w.db").path, "--config", "/dev/null",
                                   "--follow", path], folder: folder)
        #expect(watcher.wait { watcher.said().contains("watching") })
        #expect(watcher.terminate() == 0)
        #expect(!watcher.said().contains("\u{1B}"), "\(watcher.said())")
        #expect(watcher.said().contains("\\x1b[31mred"))
    }

    @Test func appendThenAlertThenStopRestartAndRotateWithoutLossOrDuplicates() throws {
        let folder = try Fixtures.temporaryFolder("watch")
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        let lines = CommandLineTests.hostileLog().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let setup = lines.filter { $0.contains("VIRT_") }.joined(separator: "\n") + "\n"
        let attacks = lines.filter { $0.contains("type=AVC") || $0.contains("PROCTITLE") }
        try "".write(to: log, atomically: true, encoding: .utf8)

        let first = try Watcher(["--db", db, "--follow", log.path], folder: folder)
        try Self.append(setup, to: log)
        try Self.append(attacks[0...1].joined(separator: "\n") + "\n", to: log)
        #expect(first.wait { first.alertLines().contains { $0.contains("\"rule\":\"cross-guest\"") } }, "an alert for the appended attack")
        #expect(first.terminate() == 0)
        #expect(try Self.denials(db) == 1)

        // Written while nothing watched: stored once after the restart, nothing twice.
        try Self.append(attacks[2...3].joined(separator: "\n") + "\n", to: log)
        let second = try Watcher(["--db", db, "--follow", log.path], folder: folder)
        #expect(second.wait { (try? Self.denials(db)) == 2 })
        // Rotation by rename, mid-stream.
        try FileManager.default.moveItem(at: log, to: folder.appendingPathComponent("audit.log.1"))
        try (attacks[4...5].joined(separator: "\n") + "\n").write(to: log, atomically: false, encoding: .utf8)
        #expect(second.wait { (try? Self.denials(db)) == 3 })
        // copytruncate: the same file emptied and written again.
        let handle = try FileHandle(forWritingTo: log)
        handle.truncateFile(atOffset: 0)
        handle.write(Data((attacks[6...7].joined(separator: "\n") + "\n").utf8))
        try handle.close()
        #expect(second.wait { (try? Self.denials(db)) == 4 })
        #expect(second.terminate() == 0)
        Thread.sleep(forTimeInterval: 0.1)
        #expect(try Self.denials(db) == 4, "nothing lost, nothing twice")
        let third = try Watcher(["--db", db, "--follow", log.path], folder: folder)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(third.terminate() == 0)
        #expect(try Self.denials(db) == 4, "a restart on the same file stores nothing again")
    }

    @Test func pluginModeReadsStandardInputAndExitsAtItsEnd() throws {
        let folder = try Fixtures.temporaryFolder("watch")
        let db = folder.appendingPathComponent("p.db").path
        let pipe = Pipe()
        let watcher = try Watcher(["--db", db, "--stdin"], folder: folder, stdin: pipe.fileHandleForReading)
        pipe.fileHandleForWriting.write(Data(CommandLineTests.hostileLog().utf8))
        #expect(watcher.wait { watcher.alertLines().count >= 4 })
        try pipe.fileHandleForWriting.close()
        watcher.process.waitUntilExit()
        #expect(watcher.process.terminationStatus == 0)
        #expect(try Self.denials(db) == 4)
        let alerts = watcher.alertLines().compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(alerts.filter { $0["rule"] as? String == "cross-guest" }.count == 4)
        #expect(Set(alerts.compactMap { $0["source_vm"] as? String }) == Set(CommandLineTests.hostileNames))
    }

    @Test func fileAndExecSinksGetEveryAlertAndASlowSinkDelaysNothing() throws {
        let folder = try Fixtures.temporaryFolder("watch")
        let db = folder.appendingPathComponent("s.db").path
        let file = folder.appendingPathComponent("alerts.jsonl").path
        let execOut = folder.appendingPathComponent("exec.jsonl").path
        let pipe = Pipe()
        let watcher = try Watcher(["--db", db, "--stdin", "--alert-file", file,
                                   "--exec", "cat >> '\(execOut)'", "--exec", "sleep 30", "--exec-timeout", "1"],
                                  folder: folder, stdin: pipe.fileHandleForReading)
        let started = Date()
        pipe.fileHandleForWriting.write(Data(CommandLineTests.hostileLog().utf8))
        #expect(watcher.wait { watcher.alertLines().count >= 4 })
        #expect(Date().timeIntervalSince(started) < 3, "stdout alerts do not wait for the slow sink")
        try pipe.fileHandleForWriting.close()
        watcher.process.waitUntilExit()
        #expect(watcher.process.terminationStatus == 0)
        let written = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(written.count == watcher.alertLines().count)
        let execed = try String(contentsOfFile: execOut, encoding: .utf8).split(separator: "\n")
        #expect(execed.count == watcher.alertLines().count)
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let errors = try String(contentsOf: watcher.errors, encoding: .utf8)
        #expect(errors.contains("timed out"), "the slow sink's failure is reported")

        let open = folder.appendingPathComponent("open.jsonl").path
        _ = FileManager.default.createFile(atPath: open, contents: nil)
        // chmod, not the create mode: a umask would mask the world-write bit away.
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: open)
        let refused = try runProcess(WatchTests.binary, ["watch", "--db", db, "--stdin", "--alert-file", open], stdin: Data())
        #expect(refused.status == 2)
        #expect(String(decoding: refused.stderr, as: UTF8.self).contains("world-writable"))
    }

    @Test func rulesFilesAreCheckedAndReloadedOnHangup() throws {
        let folder = try Fixtures.temporaryFolder("watch")
        let good = folder.appendingPathComponent("good.yaml").path
        let quiet = try Fixtures.read("rules/alerts.yaml").replacingOccurrences(
            of: "    severity: critical\n    title: \"{source} → {target}: {access} (cross-guest)\"",
            with: "    severity: info\n    title: \"{source} → {target}: {access} (cross-guest)\"")
        try Fixtures.read("rules/alerts.yaml").write(toFile: good, atomically: true, encoding: .utf8)
        let check = try runProcess(WatchTests.binary, ["watch", "--check-rules", good])
        #expect(check.status == 0)
        #expect(String(decoding: check.stdout, as: UTF8.self).contains("cross-guest: critical"))
        let bad = folder.appendingPathComponent("bad.yaml").path
        try "rules:\n  - {name: x, match: {kind: [oops]}, severity: high, title: t}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try runProcess(WatchTests.binary, ["watch", "--check-rules", bad])
        #expect(refused.status == 2)
        #expect(String(decoding: refused.stderr, as: UTF8.self).contains("unknown kind `oops`"))

        // Reload: a bad file keeps the rules in force; a good one takes over.
        let log = folder.appendingPathComponent("audit.log")
        let lines = CommandLineTests.hostileLog().split(separator: "\n").map(String.init)
        let setup = lines.filter { $0.contains("VIRT_") }.joined(separator: "\n") + "\n"
        let attacks = lines.filter { $0.contains("type=AVC") || $0.contains("PROCTITLE") }
        try setup.write(to: log, atomically: true, encoding: .utf8)
        let live = folder.appendingPathComponent("live.yaml").path
        try Fixtures.read("rules/alerts.yaml").write(toFile: live, atomically: true, encoding: .utf8)
        let watcher = try Watcher(["--db", folder.appendingPathComponent("r.db").path, "--follow", log.path, "--rules", live],
                                  folder: folder)
        try Self.append(attacks[0...1].joined(separator: "\n") + "\n", to: log)
        #expect(watcher.wait { watcher.alertLines().count == 1 })
        try "rules: [".write(toFile: live, atomically: true, encoding: .utf8)
        kill(watcher.process.processIdentifier, SIGHUP)
        Thread.sleep(forTimeInterval: 0.2)
        try Self.append(attacks[2...3].joined(separator: "\n") + "\n", to: log)
        #expect(watcher.wait { watcher.alertLines().count == 2 })
        #expect(watcher.alertLines().last?.contains("\"severity\":\"critical\"") == true, "the old rules stayed in force")
        try quiet.write(toFile: live, atomically: true, encoding: .utf8)
        kill(watcher.process.processIdentifier, SIGHUP)
        Thread.sleep(forTimeInterval: 0.2)
        try Self.append(attacks[4...5].joined(separator: "\n") + "\n", to: log)
        #expect(watcher.wait { watcher.alertLines().count == 3 })
        #expect(watcher.alertLines().last?.contains("\"severity\":\"info\"") == true, "the reloaded rules apply")
        // On an idle log, SIGHUP acts (and says so) without waiting for the next finding.
        try "rules: [".write(toFile: live, atomically: true, encoding: .utf8)
        kill(watcher.process.processIdentifier, SIGHUP)
        #expect(watcher.wait(seconds: 3) {
            ((try? String(contentsOf: watcher.errors, encoding: .utf8)) ?? "")
                .components(separatedBy: "keeping the rules in force").count >= 3
        }, "a second reload failure logged while the log is idle")
        #expect(watcher.terminate() == 0)
        let errors = try String(contentsOf: watcher.errors, encoding: .utf8)
        #expect(errors.contains("keeping the rules in force"))
    }

    @Test func aWebhookThatFailsThenRecoversGetsEachAlertOnceAndRestartsRetry() throws {
        let folder = try Fixtures.temporaryFolder("watch")
        let token = folder.appendingPathComponent("token").path
        try "s3cret\n".write(toFile: token, atomically: true, encoding: .utf8)
        let flaky = try HTTPSink(failures: 2, folder: folder)
        defer { flaky.stop() }
        let db = folder.appendingPathComponent("h.db").path
        let pipe = Pipe()
        let watcher = try Watcher(["--db", db, "--stdin", "--webhook", "http://127.0.0.1:\(flaky.port)/alert",
                                   "--webhook-token-file", token], folder: folder, stdin: pipe.fileHandleForReading)
        pipe.fileHandleForWriting.write(Data(CommandLineTests.hostileLog().utf8))
        try pipe.fileHandleForWriting.close()
        watcher.process.waitUntilExit()
        #expect(watcher.process.terminationStatus == 0)
        let bodies = flaky.bodies()
        let ids = bodies.compactMap { ($0["body"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["id"] as? String }
        #expect(ids.count == 4, "each of the four alerts once: \(ids)")
        #expect(Set(ids).count == ids.count)
        #expect(bodies.allSatisfy { $0["auth"] as? String == "Bearer s3cret" })
        let states = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT sink, state, count(*) FROM alert_deliveries GROUP BY sink, state"])
        #expect(String(decoding: states.stdout, as: UTF8.self) == "stdout|delivered|4\nwebhook:http://127.0.0.1:\(flaky.port)/alert|delivered|4\n")

        // A receiver that is down: the deliveries fail, stay in the table, and go out after a restart.
        let db2 = folder.appendingPathComponent("h2.db").path
        let down = try Watcher(["--db", db2, "--stdin", "--webhook", "http://127.0.0.1:9/alert"], folder: folder,
                               stdin: FileHandle(forReadingAtPath: try {
                                   let f = folder.appendingPathComponent("in.log")
                                   try CommandLineTests.hostileLog().write(to: f, atomically: true, encoding: .utf8)
                                   return f.path
                               }())!)
        down.process.waitUntilExit()
        let failed = try runProcess("/usr/bin/env", ["sqlite3", db2, "SELECT count(*) FROM alert_deliveries WHERE state != 'delivered' AND sink != 'stdout'"])
        #expect(String(decoding: failed.stdout, as: UTF8.self) == "4\n")
        let healthy = try HTTPSink(failures: 0, folder: folder)
        defer { healthy.stop() }
        _ = try runProcess("/usr/bin/env", ["sqlite3", db2, "UPDATE alert_deliveries SET sink = 'webhook:http://127.0.0.1:\(healthy.port)/alert' WHERE sink != 'stdout'"])
        let again = try Watcher(["--db", db2, "--stdin", "--webhook", "http://127.0.0.1:\(healthy.port)/alert"], folder: folder,
                                stdin: FileHandle.nullDevice)
        again.process.waitUntilExit()
        #expect(healthy.bodies().count == 4, "the four undelivered alerts, sent after the restart")
        let settled = try runProcess("/usr/bin/env", ["sqlite3", db2, "SELECT count(*) FROM alert_deliveries WHERE state = 'delivered' AND sink != 'stdout'"])
        #expect(String(decoding: settled.stdout, as: UTF8.self) == "4\n")
    }

    @Test func aFailedDeliveryIsRetriedWhileWatchRunsAndArrivesOnce() throws {
        let folder = try Fixtures.temporaryFolder("watch")
        // Five refusals: the first delivery (three tries inside the sink) fails; the retry's own
        // third try gets through.
        let flaky = try HTTPSink(failures: 5, folder: folder)
        defer { flaky.stop() }
        let db = folder.appendingPathComponent("r.db").path
        let pipe = Pipe()
        let watcher = try Watcher(["--db", db, "--stdin", "--webhook", "http://127.0.0.1:\(flaky.port)/alert",
                                   "--retry-seconds", "0.5"], folder: folder, stdin: pipe.fileHandleForReading)
        let lines = CommandLineTests.hostileLog().split(separator: "\n").map(String.init)
        let oneAttack = lines.filter { $0.contains("VIRT_") } + Array(lines.filter { $0.contains("type=AVC") || $0.contains("PROCTITLE") }.prefix(2))
        pipe.fileHandleForWriting.write(Data((oneAttack.joined(separator: "\n") + "\n").utf8))
        #expect(watcher.wait(seconds: 20) { flaky.bodies().count == 1 }, "delivered without a restart")
        Thread.sleep(forTimeInterval: 1.5)
        try pipe.fileHandleForWriting.close()
        watcher.process.waitUntilExit()
        #expect(watcher.process.terminationStatus == 0)
        #expect(flaky.bodies().count == 1, "once, not again after it got through")
        let state = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT state, attempts FROM alert_deliveries WHERE sink != 'stdout'"])
        #expect(String(decoding: state.stdout, as: UTF8.self) == "delivered|2\n", "failed once, then delivered")
    }

    @Test func syslogGetsRFC5424MessagesWithTheAlertSeverity() throws {
        let (folder, socketPath, received, server) = try Self.datagramServer(name: "log", decode: """
            def decode(d):
                return d.decode()
            """)
        defer { kill(server.processIdentifier, SIGKILL) }
        #expect(try Self.watchHostileLog(["--db", folder.appendingPathComponent("s.db").path, "--syslog", "--syslog-socket", socketPath],
                                         folder: folder) == 0)
        let lines = ((try? String(contentsOfFile: received, encoding: .utf8)) ?? "").split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.hasPrefix("<82>1 ") && $0.contains(" svirt-trace ") && $0.contains("\"rule\":\"cross-guest\"") })
        #expect(!lines.joined().unicodeScalars.contains { $0.value == 0x1B }, "no raw escape from a guest name")
    }

    @Test func theJournalGetsStructuredFieldsAndNewlinesStayInsideThem() throws {
        // A stand-in for journald that decodes the native protocol (KEY=VALUE lines, or KEY, a
        // 64-bit little-endian length and the raw value) into one JSON object per entry.
        let (folder, socketPath, received, server) = try Self.datagramServer(name: "journal", decode: """
            def decode(d):
                i = 0; entry = {}
                while i < len(d):
                    nl = d.index(b'\\n', i); head = d[i:nl]
                    if b'=' in head:
                        k, v = head.split(b'=', 1); i = nl + 1
                    else:
                        k = head; n = struct.unpack('<Q', d[nl + 1:nl + 9])[0]
                        v = d[nl + 9:nl + 9 + n]; assert d[nl + 9 + n] == 10; i = nl + 10 + n
                    entry[k.decode()] = v.decode()
                return json.dumps(entry)
            """)
        defer { kill(server.processIdentifier, SIGKILL) }
        #expect(try Self.watchHostileLog(["--db", folder.appendingPathComponent("j.db").path, "--journal", "--journal-socket", socketPath],
                                         folder: folder) == 0)
        let entries = ((try? String(contentsOfFile: received, encoding: .utf8)) ?? "").split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        #expect(entries.count == 4)
        for entry in entries {
            #expect(entry["SYSLOG_IDENTIFIER"] == "svirt-trace")
            #expect(entry["PRIORITY"] == "2", "critical")
            #expect(entry["SVIRT_TRACE_KIND"] == "cross-guest")
            #expect(entry["SVIRT_TRACE_EVIDENCE"]?.isEmpty == false)
            let json = entry["SVIRT_TRACE_JSON"].flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(json?["source_vm"] as? String == entry["SVIRT_TRACE_SOURCE_VM"], "the field carries the name as logged")
        }
        #expect(entries.contains { $0["SVIRT_TRACE_SOURCE_VM"]?.contains("\n") == true || $0["SVIRT_TRACE_TARGET_VM"]?.contains("\n") == true },
                "a guest name with a newline arrived whole, inside its field")
    }

    /// A Unix datagram server in Python standing in for syslog's /dev/log or journald's socket:
    /// each datagram goes through the script's `decode(d)` and is appended as one line to
    /// `received`. Short paths under /tmp: a socket path has a 108-byte limit.
    static func datagramServer(name: String, decode: String) throws
        -> (folder: URL, socket: String, received: String, server: Process) {
        let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("svd-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let socketPath = folder.appendingPathComponent(name).path
        let received = folder.appendingPathComponent("got").path
        let server = try DatagramServer.start(socket: socketPath, received: received, decode: decode)
        return (folder, socketPath, received, server)
    }

    /// `watch --stdin` with these arguments, fed the hostile log to its end; its exit status.
    static func watchHostileLog(_ arguments: [String], folder: URL) throws -> Int32 {
        let pipe = Pipe()
        let watcher = try Watcher(arguments + ["--stdin"], folder: folder, stdin: pipe.fileHandleForReading)
        pipe.fileHandleForWriting.write(Data(CommandLineTests.hostileLog().utf8))
        try pipe.fileHandleForWriting.close()
        watcher.process.waitUntilExit()
        return watcher.process.terminationStatus
    }
}
