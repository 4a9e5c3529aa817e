import Foundation
import Testing
import TestSupport

/// Sinks and readers that go away, through the real binary on the bundled sample: a command
/// that never reads, one that never ends, and a standard output closed by its reader.
@Suite(.serialized) struct WatchSinkFailureTests {
    typealias Watcher = WatchTests.Watcher
    static let sampleRun = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/run").path

    /// A copy of the bundled sample to follow.
    static func sample(in folder: URL) throws -> String {
        let log = folder.appendingPathComponent("audit.log")
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log"), to: log)
        return log.path
    }

    static func sql(_ db: String, _ query: String) -> String {
        let r = try? runProcess("/usr/bin/env", ["sqlite3", db, query])
        return r.map { String(decoding: $0.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    }

    /// Children of `pid` (from /proc): their pid and state letter.
    static func children(of pid: Int32) -> [(pid: String, state: String)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { entry in
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, fields[1] == "\(pid)" else { return nil }
            return (entry, String(fields[0]))
        }
    }

    /// Processes whose command line holds `marker`, other than `except` (watch itself).
    static func processes(containing marker: String, except: Int32 = 0) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) && $0 != "\(except)" }.filter { entry in
            let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") ?? Data()
            return String(decoding: data, as: UTF8.self).contains(marker)
        }.count
    }

    @Test func aCommandThatNeverReadsItsInputKeepsWatchRunning() throws {
        let folder = try Fixtures.temporaryFolder("sink")
        let db = folder.appendingPathComponent("w.db").path
        let watcher = try Watcher(["--db", db, "--follow", try Self.sample(in: folder), "--libvirt-state", Self.sampleRun,
                                   "--exec", "true", "--retry-seconds", "600"], folder: folder)
        defer { if watcher.process.isRunning { _ = watcher.terminate() } }
        #expect(watcher.wait(seconds: 30) {
            Self.sql(db, "SELECT count(*) FROM denials") == "76"
                && Self.sql(db, "SELECT count(*) FROM alert_deliveries WHERE sink = 'exec:true' AND state = 'failed'")
                == Self.sql(db, "SELECT count(*) FROM alerts")
        }, "every exec delivery recorded failed")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(watcher.process.isRunning, "watch survived the command that never read (it died of SIGPIPE before)")
        let alerts = Int(Self.sql(db, "SELECT count(*) FROM alerts")) ?? 0
        #expect(alerts >= 30)
        #expect(watcher.alertLines().count == alerts, "standard output got every alert")
        #expect(Self.sql(db, "SELECT DISTINCT last_error FROM alert_deliveries WHERE sink = 'exec:true'")
            .contains("without reading the alert"))
        #expect(watcher.terminate() == 0)
    }

    @Test func aCommandPastItsTimeoutIsStoppedAndReapedAndWatchGoesOn() throws {
        let folder = try Fixtures.temporaryFolder("sink")
        let db = folder.appendingPathComponent("w.db").path
        // A number only this test uses: in the command lines of the shell and of its sleep.
        let marker = String(1_000_000 + Int.random(in: 0..<8_000_000))
        let watcher = try Watcher(["--db", db, "--follow", try Self.sample(in: folder), "--libvirt-state", Self.sampleRun,
                                   "--exec", "sleep \(marker); :", "--exec-timeout", "0.2", "--retry-seconds", "600"],
                                  folder: folder)
        defer { if watcher.process.isRunning { _ = watcher.terminate() } }
        #expect(watcher.wait(seconds: 30) {
            (Int(Self.sql(db, "SELECT count(*) FROM alert_deliveries WHERE sink LIKE 'exec:%' AND state = 'failed'")) ?? 0) >= 4
        })
        #expect(Self.sql(db, "SELECT DISTINCT last_error FROM alert_deliveries WHERE sink LIKE 'exec:%' AND state = 'failed'")
            .contains("timed out after 0.2 s"))
        #expect(watcher.process.isRunning)
        #expect(Self.sql(db, "SELECT count(*) FROM denials") == "76", "ingestion did not wait for the sink")
        #expect(watcher.alertLines().count == Int(Self.sql(db, "SELECT count(*) FROM alerts")), "standard output did not wait either")
        // A command just stopped is a zombie for the few milliseconds until watch's next look
        // reaps it; one still a zombie a third of a second later was never reaped.
        let zombies = { Set(Self.children(of: watcher.process.processIdentifier).filter { $0.state == "Z" }.map(\.pid)) }
        let zombiesBefore = zombies()
        Thread.sleep(forTimeInterval: 0.3)
        let children = Self.children(of: watcher.process.processIdentifier)
        #expect(zombiesBefore.intersection(zombies()).isEmpty, "no zombie left unreaped: \(children)")
        #expect(children.count <= 1, "one command at a time: \(children)")
        #expect(Self.processes(containing: marker, except: watcher.process.processIdentifier) <= 2,
                "one command (its shell and sleep) at a time")
        let stopped = Date()
        #expect(watcher.terminate() == 0)
        #expect(Date().timeIntervalSince(stopped) < 10, "shutdown waits a bounded time for the sink")
        // A process killed at watch's exit leaves /proc when the kernel has torn it down: on a
        // loaded machine that can take longer than a moment. One left after seconds outlived it.
        let deadline = Date().addingTimeInterval(3)
        while Self.processes(containing: marker) > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(Self.processes(containing: marker) == 0, "nothing it started outlives it (a timed-out shell's sleep did)")
    }

    /// A timed-out command whose shell ends on SIGTERM while what it started ignores SIGTERM:
    /// the rest of its group is killed too, instead of living on past watch.
    @Test func whatATimedOutCommandStartedDoesNotOutliveIt() throws {
        let folder = try Fixtures.temporaryFolder("sink")
        let db = folder.appendingPathComponent("w.db").path
        let marker = String(1_000_000 + Int.random(in: 0..<8_000_000))
        let watcher = try Watcher(["--db", db, "--follow", try Self.sample(in: folder), "--libvirt-state", Self.sampleRun,
                                   "--exec", "/bin/sh -c 'trap \"\" TERM; exec /bin/sleep \(marker)'", "--exec-timeout", "0.2",
                                   "--retry-seconds", "600"], folder: folder)
        defer { if watcher.process.isRunning { _ = watcher.terminate() } }
        #expect(watcher.wait(seconds: 30) {
            (Int(Self.sql(db, "SELECT count(*) FROM alert_deliveries WHERE sink LIKE 'exec:%' AND state = 'failed'")) ?? 0) >= 3
        })
        // While watch runs, at most the command of the moment lives.
        #expect(Self.processes(containing: marker, except: watcher.process.processIdentifier) <= 3)
        #expect(watcher.terminate() == 0)
        let deadline = Date().addingTimeInterval(3)
        while Self.processes(containing: marker) > 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(Self.processes(containing: marker) == 0, "a command's SIGTERM-proof child outlived watch")
    }

    @Test func alertFilesAreJudgedByTheirTargetAndAFolderIsNamedSo() throws {
        let folder = try Fixtures.temporaryFolder("sink")
        let db = folder.appendingPathComponent("w.db").path
        let asFolder = try runProcess(WatchTests.binary, ["watch", "--db", db, "--stdin", "--alert-file", folder.path], stdin: Data())
        #expect(asFolder.status == 2)
        #expect(String(decoding: asFolder.stderr, as: UTF8.self).contains("is a folder"))
        let target = folder.appendingPathComponent("alerts.jsonl").path
        #expect(FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]))
        let link = folder.appendingPathComponent("current.jsonl").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try WatchTests.watchHostileLog(["--db", db, "--alert-file", link], folder: folder) == 0, "a symbolic link is not world-writable")
        #expect(try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n").count == 4)
    }

    /// Runs the binary with a standard output whose reader is already gone, as `| head` leaves
    /// it; Python's subprocess gives the child SIGPIPE's default disposition, as a shell does.
    static func runWithClosedStandardOutput(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let script = """
            import os, subprocess, sys
            r, w = os.pipe(); os.close(r)
            p = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE, timeout=60)
            sys.stderr.write(p.stderr.decode(errors="replace")); sys.exit(p.returncode if p.returncode >= 0 else 128 - p.returncode)
            """
        let r = try runProcess("/usr/bin/env", ["python3", "-c", script, WatchTests.binary] + arguments)
        return (r.status, String(decoding: r.stderr, as: UTF8.self))
    }

    @Test func aReaderThatGoesAwayEndsQueriesDigestAndWatchWithStatusZero() throws {
        let folder = try Fixtures.temporaryFolder("pipe")
        let log = try Self.sample(in: folder)
        let db = folder.appendingPathComponent("q.db").path
        #expect(try runProcess(WatchTests.binary, ["ingest", "--db", db, "--libvirt-state", Self.sampleRun, log]).status == 0)
        for arguments in [["query", "denials", "--db", db, "--format", "jsonl"],
                          ["query", "cross-guest", "--db", db, "--format", "csv"],
                          ["digest", "--db", db, "--period", "2025-11-25T00:00:00Z..2025-11-26T00:00:00Z"]] {
            let r = try Self.runWithClosedStandardOutput(arguments)
            #expect(r.status == 0, "\(arguments[0...1]): \(r.status) \(r.stderr.suffix(300))")
            #expect(r.stderr.isEmpty, "quietly: \(r.stderr.suffix(300))")
        }

        let watchDB = folder.appendingPathComponent("w.db").path
        let watch = try Self.runWithClosedStandardOutput(["watch", "--db", watchDB, "--follow", log, "--libvirt-state", Self.sampleRun])
        #expect(watch.status == 0, "\(watch.status) \(watch.stderr.suffix(300))")
        #expect(watch.stderr.contains("standard output was closed by its reader"))
        let unprinted = Int(Self.sql(watchDB, "SELECT count(*) FROM alert_deliveries WHERE sink = 'stdout' AND state != 'delivered'")) ?? 0
        #expect(unprinted > 0, "what could not be printed is kept")
        // The next start prints them first.
        let again = try Watcher(["--db", watchDB, "--follow", log, "--libvirt-state", Self.sampleRun], folder: folder)
        #expect(again.wait(seconds: 30) { Self.sql(watchDB, "SELECT count(*) FROM denials") == "76" })
        #expect(again.terminate() == 0)
        let ids = again.alertLines().compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
        #expect(Set(ids) == Set(Self.sql(watchDB, "SELECT alert_id FROM alerts").split(separator: "\n").map(String.init)),
                "every alert reached standard output, none lost to the closed pipe")
        #expect(Self.sql(watchDB, "SELECT count(*) FROM alert_deliveries WHERE sink = 'stdout' AND state != 'delivered'") == "0")
    }
}
