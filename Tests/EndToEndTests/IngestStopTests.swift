import Foundation
import Native
import Store
import Testing
import TestSupport

/// SIGTERM or Ctrl-C in the middle of a long ingest: what was read is committed with its
/// checkpoint, the operator is told what is left, the exit status says a signal ended the run,
/// and the same command again stores the rest, each event once. A second signal kills at once.
///
/// The log comes through a pipe, so the test decides when the signal falls: ingest commits a
/// batch after a second, at the next chunk, and takes a stop after the chunk it reads next.
@Suite(.serialized) struct IngestStopTests {
    final class PipedIngest {
        let process = Process()
        let pipe = Pipe()
        let errors: URL

        init(_ arguments: [String], folder: URL) throws {
            // A write to the pipe after ingest exited must fail, not kill the test runner.
            signal(SIGPIPE, SIG_IGN)
            errors = folder.appendingPathComponent("ingest-\(UUID().uuidString.prefix(6)).err")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: Binary.path)
            process.arguments = ["ingest", "--no-progress"] + arguments
            process.standardInput = pipe.fileHandleForReading
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
        }

        deinit {
            try? pipe.fileHandleForWriting.close()
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }

        func write(_ text: Substring) throws {
            try pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        }

        func said() -> String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }

        func waitForExit(seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            return !process.isRunning
        }
    }

    /// The workload's text cut at event boundaries into a first part, a few more events, and the
    /// rest.
    static func pieces(_ s: CatchUpStopTests.Setup) throws -> (whole: String, first: Substring, more: Substring) {
        let whole = s.head + s.rest
        func cut(after offset: Int) throws -> String.Index {
            let from = whole.utf8.index(whole.utf8.startIndex, offsetBy: offset)
            return try #require(whole.range(of: "\ntype=VIRT_CONTROL", range: from..<whole.endIndex)).lowerBound
        }
        let a = try cut(after: whole.utf8.count / 3)
        let b = try cut(after: whole.utf8.distance(from: whole.utf8.startIndex, to: a) + 20_000)
        return (whole, whole[...a], whole[whole.index(after: a)...b])
    }

    /// Feeds the first part, waits past ingest's batch age, feeds a few events so that a batch
    /// commits, and waits until it has.
    static func feedUntilStored(_ ingest: PipedIngest, db: String, _ p: (whole: String, first: Substring, more: Substring)) throws {
        try ingest.write(p.first)
        Thread.sleep(forTimeInterval: 1.5)
        try ingest.write(p.more)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, CatchUpStopTests.storedDenials(db) == 0 { Thread.sleep(forTimeInterval: 0.1) }
        #expect(CatchUpStopTests.storedDenials(db) > 0, "\(ingest.said())")
    }

    static func arguments(_ s: CatchUpStopTests.Setup) -> [String] {
        ["--db", s.db, "--node", "hv1", "--libvirt-state", s.workload.rundir.path]
    }

    @Test func sigtermInTheMiddleOfStandardInputCommitsWhatWasReadAndTheSameCommandReadsTheRest() throws {
        let s = try CatchUpStopTests.setup()
        let p = try Self.pieces(s)
        let later = s.folder.appendingPathComponent("later.log")
        try "".write(to: later, atomically: false, encoding: .utf8)
        let ingest = try PipedIngest(Self.arguments(s) + ["-", later.path], folder: s.folder)
        try Self.feedUntilStored(ingest, db: s.db, p)

        kill(ingest.process.processIdentifier, SIGTERM)
        // The stop is taken after the next chunk: a few more events.
        let rest = p.whole[p.more.endIndex...]
        try ingest.write(rest.prefix(30_000))
        #expect(ingest.waitForExit(seconds: 60), "\(ingest.said())")
        let said = ingest.said()
        #expect(ingest.process.terminationStatus == 128 + SIGTERM, "\(said)")
        #expect(said.contains("stopped by SIGTERM in standard input (input 1 of 2); nothing is lost"), "\(said)")
        #expect(said.contains("standard input too, if it is given the same bytes again"), "\(said)")
        #expect(said.contains("then \(later.path) (not read yet)"), "\(said)")
        // The summary comes first, so a script that keeps the last line gets the stop.
        let lines = said.split(separator: "\n")
        #expect(lines.last?.contains("stopped by SIGTERM") == true, "\(said)")
        #expect(lines.contains { $0.contains("events stored") }, "\(said)")
        let stored = CatchUpStopTests.storedDenials(s.db)
        #expect(stored > 0 && stored < s.expectedCount, "stored \(stored) of \(s.expectedCount)")

        let again = try Binary.run(["ingest", "--no-progress"] + Self.arguments(s) + ["-", later.path], stdin: Data(p.whole.utf8))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try RotationWhileStoppedTests.denials(s.db) == s.expected)
    }

    /// A pipe's writer that goes quiet (a slow producer, a stalled network copy) must not hold
    /// the store's lock for its pause, nor keep a stop waiting for its next bytes.
    @Test func aQuietPipeLeavesTheLockFreeAndAStopIsTakenWithoutWaitingForItsWriter() throws {
        let s = try CatchUpStopTests.setup()
        let p = try Self.pieces(s)
        let ingest = try PipedIngest(Self.arguments(s) + ["-"], folder: s.folder)
        try Self.feedUntilStored(ingest, db: s.db, p)
        Thread.sleep(forTimeInterval: 1.5)
        // Another writer (a watch, a prune) gets the lock while the pipe is quiet.
        let other = try SQLiteDatabase(path: s.db, mode: .readWrite, busyTimeoutMilliseconds: 5000)
        try other.execute("BEGIN IMMEDIATE")
        try other.execute("ROLLBACK")

        kill(ingest.process.processIdentifier, SIGINT)
        #expect(ingest.waitForExit(seconds: 10), "\(ingest.said())")
        let said = ingest.said()
        #expect(ingest.process.terminationStatus == 128 + SIGINT, "\(said)")
        #expect(said.contains("stopped by SIGINT in standard input (input 1 of 1); nothing is lost"), "\(said)")

        let again = try Binary.run(["ingest", "--no-progress"] + Self.arguments(s) + ["-"], stdin: Data(p.whole.utf8))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try RotationWhileStoppedTests.denials(s.db) == s.expected)
    }

    /// A rerun of a pipe that pauses where the earlier run stopped (the quiet pipe's commit puts
    /// the checkpoint at the writer's pause): the bytes read ahead end at the checkpoint, and
    /// the rest must still be read, not taken for the end of input.
    @Test func aRerunOfAPipeThatPausesWhereTheLastRunStoppedReadsOn() throws {
        let s = try CatchUpStopTests.setup()
        let p = try Self.pieces(s)
        let first = try PipedIngest(Self.arguments(s) + ["-"], folder: s.folder)
        try first.write(p.first)
        let readTo = Int64(p.first.utf8.count)
        func checkpoint() throws -> Int64? {
            try SQLiteDatabase(path: s.db, mode: .readOnly).rows("SELECT max(byte_offset) FROM sources").first?.first?.int64
        }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, (try? checkpoint()) != readTo { Thread.sleep(forTimeInterval: 0.1) }
        #expect(try checkpoint() == readTo, "\(first.said())")
        kill(first.process.processIdentifier, SIGTERM)
        #expect(first.waitForExit(seconds: 20), "\(first.said())")

        let again = try PipedIngest(Self.arguments(s) + ["-"], folder: s.folder)
        try again.write(p.first)
        Thread.sleep(forTimeInterval: 1)
        try again.write(p.whole[p.first.endIndex...])
        try again.pipe.fileHandleForWriting.close()
        #expect(again.waitForExit(seconds: 60), "\(again.said())")
        #expect(again.process.terminationStatus == 0, "\(again.said())")
        #expect(try RotationWhileStoppedTests.denials(s.db) == s.expected, "\(again.said())")
    }

    /// Standard input is named by its first 64 KiB, whatever its writer wrote first: a rerun
    /// whose writer writes 100 bytes, then pauses, is the same source, read on from its
    /// checkpoint (it was a new one, read whole again, its parse errors counted twice). A
    /// shorter stream with the same first bytes is refused, not skipped in silence.
    @Test func aRerunIsTheSameSourceHoweverItsWriterSplitsTheFirstBytes() throws {
        let s = try CatchUpStopTests.setup()
        let p = try Self.pieces(s)
        try #require(p.first.utf8.count > SourceIdentity.prefixLimit)
        let first = try PipedIngest(Self.arguments(s) + ["-"], folder: s.folder)
        try Self.feedUntilStored(first, db: s.db, p)
        kill(first.process.processIdentifier, SIGTERM)
        #expect(first.waitForExit(seconds: 20), "\(first.said())")

        let again = try PipedIngest(Self.arguments(s) + ["-"], folder: s.folder)
        try again.write(p.whole.prefix(100))
        Thread.sleep(forTimeInterval: 0.6)
        try again.write(p.whole.dropFirst(100))
        try again.pipe.fileHandleForWriting.close()
        #expect(again.waitForExit(seconds: 60), "\(again.said())")
        #expect(again.process.terminationStatus == 0, "\(again.said())")
        #expect(try SQLiteDatabase(path: s.db, mode: .readOnly).rows("SELECT count(*) FROM sources").first?.first?.int64 == 1)
        #expect(try RotationWhileStoppedTests.denials(s.db) == s.expected, "\(again.said())")

        let shorter = try Binary.run(["ingest", "--no-progress"] + Self.arguments(s) + ["-"], stdin: Data(p.first.utf8))
        #expect(shorter.status == 3, "\(shorter.stderr)")
        #expect(shorter.stderr.contains("ended at byte \(p.first.utf8.count), before byte \(p.whole.utf8.count)"), "\(shorter.stderr)")
    }

    /// A named pipe no writer has opened yet: open(2) waited for one, restarted after the
    /// signal, and the stop was not taken.
    @Test func aNamedPipeWithoutAWriterDoesNotHoldOffAStop() throws {
        let folder = try Fixtures.temporaryFolder("ingest-fifo-stop")
        let fifo = folder.appendingPathComponent("pipe").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["ingest", "--no-progress", "--db", folder.appendingPathComponent("f.db").path, fifo]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("SIGTERM not taken while the named pipe had no writer")
            return
        }
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 128 + SIGTERM, "\(said)")
        #expect(said.contains("stopped by SIGTERM in \(fifo) (input 1 of 1)"), "\(said)")
        #expect(!said.contains("after a rotation"), "\(said)")
    }

    /// Another writer's lock not had in time while the pipe is quiet: the error comes when the
    /// timeout passes, not when the pipe's writer next writes.
    @Test func aLockTimeoutOnAQuietPipeIsReportedWhenItPasses() throws {
        let s = try CatchUpStopTests.setup()
        let p = try Self.pieces(s)
        let ingest = try PipedIngest(Self.arguments(s) + ["--lock-timeout", "2", "-"], folder: s.folder)
        try Self.feedUntilStored(ingest, db: s.db, p)
        let holder = try SQLiteDatabase(path: s.db, mode: .readWrite)
        try holder.execute("BEGIN IMMEDIATE")
        // Events read; a second later the quiet pipe's commit waits for the lock, and gives up.
        try ingest.write(p.whole[p.more.endIndex...].prefix(30_000))
        #expect(ingest.waitForExit(seconds: 20), "\(ingest.said())")
        #expect(ingest.process.terminationStatus == 4, "\(ingest.said())")
        #expect(ingest.said().contains("database is locked by another writer"), "\(ingest.said())")
        try holder.execute("ROLLBACK")
    }

    /// The second signal comes before the first stop is done. The first one's handler puts
    /// back the default action at once (seen in /proc), and the process is stopped (SIGSTOP)
    /// before the second: on SIGCONT the second kills. The main thread takes a stop on a quiet
    /// pipe within a quarter of a second, so it may finish before the SIGSTOP; the run is then
    /// a clean stop (exit 130), and is tried again.
    @Test func aSecondSignalKillsAtOnceAndLosesOnlyTheBatchNotCommitted() throws {
        let s = try CatchUpStopTests.setup()
        let p = try Self.pieces(s)
        var killed = false
        for _ in 0..<5 where !killed {
            let ingest = try PipedIngest(Self.arguments(s) + ["-"], folder: s.folder)
            try Self.feedUntilStored(ingest, db: s.db, p)
            let pid = ingest.process.processIdentifier
            kill(pid, SIGINT)
            let deadline = Date().addingTimeInterval(10)
            while Self.catches(SIGINT, pid: pid) == true, Date() < deadline { usleep(200) }
            kill(pid, SIGSTOP)
            kill(pid, SIGTERM)
            kill(pid, SIGCONT)
            #expect(ingest.waitForExit(seconds: 30), "\(ingest.said())")
            if ingest.process.terminationReason == .uncaughtSignal {
                #expect(ingest.process.terminationStatus == SIGTERM, "\(ingest.said())")
                killed = true
            } else {
                #expect(ingest.process.terminationStatus == 128 + SIGINT, "\(ingest.said())")
            }
        }
        #expect(killed)

        let again = try Binary.run(["ingest", "--no-progress"] + Self.arguments(s) + ["-"], stdin: Data(p.whole.utf8))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try RotationWhileStoppedTests.denials(s.db) == s.expected)
    }

    /// Whether `pid` has a handler for `signal` (its SigCgt in /proc); nil once it is gone.
    static func catches(_ signal: Int32, pid: Int32) -> Bool? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return nil }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    /// Another writer holds the store's lock (a prune, a long transaction) and `--lock-timeout`
    /// is long: the stop ends ingest's wait for the lock at once and says so, and what it read
    /// meanwhile is read again by the next run. Without --libvirt-state the first transaction
    /// waits in the reading; with it, before anything is read.
    @Test(arguments: [false, true])
    func aStopWhileWaitingForAnotherWritersLockIsTakenAtOnce(withStatusFiles: Bool) throws {
        let s = try CatchUpStopTests.setup()
        let p = try Self.pieces(s)
        // The store made first: ingest's first transaction is what waits.
        #expect(try Binary.run(["ingest", "--no-progress", "--db", s.db, "/dev/null"]).status == 0)
        let holder = try SQLiteDatabase(path: s.db, mode: .readWrite)
        try holder.execute("BEGIN IMMEDIATE")
        let arguments = withStatusFiles ? Self.arguments(s) : ["--db", s.db, "--node", "hv1"]
        let ingest = try PipedIngest(arguments + ["--lock-timeout", "600", "-"], folder: s.folder)
        // Without status files: more than the 64 KiB that name standard input (read before the
        // first transaction, which then waits), less than that and a pipe's 64 KiB together.
        // With them, the bootstrap waits before anything is read: less than a pipe holds.
        try ingest.write(p.first.prefix(withStatusFiles ? 30_000 : 100_000))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(ingest.process.isRunning, "\(ingest.said())")

        kill(ingest.process.processIdentifier, SIGTERM)
        #expect(ingest.waitForExit(seconds: 20), "\(ingest.said())")
        let said = ingest.said()
        #expect(ingest.process.terminationStatus == 128 + SIGTERM, "\(said)")
        if withStatusFiles {
            #expect(said.contains("stopped by SIGTERM while waiting for another writer's lock on \(s.db); nothing was read"), "\(said)")
        } else {
            #expect(said.contains("stopped by SIGTERM in standard input (input 1 of 1) while waiting for another writer's lock on "
                                  + "\(s.db); nothing is lost: what this run committed is stored"), "\(said)")
            #expect(said.contains("what it read after its last commit is read again"), "\(said)")
        }
        #expect(!said.contains("database is locked"), "\(said)")
        try holder.execute("ROLLBACK")
        #expect(CatchUpStopTests.storedDenials(s.db) == 0)

        let again = try Binary.run(["ingest", "--no-progress"] + Self.arguments(s) + ["-"], stdin: Data(p.whole.utf8))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try RotationWhileStoppedTests.denials(s.db) == s.expected)
    }

    /// A run that stopped in audit.log (here: read while shorter), then a rotation: the rest of it
    /// is in audit.log.1, which a command naming audit.log alone would leave unread without a word.
    @Test func aFileReadInPartThenRotatedAwayIsNamedWhenItIsNotGiven() throws {
        let w = try Workload.generate(Workload.Options(events: 3000, seed: 41))
        let folder = try Fixtures.temporaryFolder("ingest-unfinished")
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("u.db").path
        let text = try String(contentsOf: w.log, encoding: .utf8)
        let from = text.utf8.index(text.utf8.startIndex, offsetBy: text.utf8.count / 3)
        let cut = try #require(text.range(of: "\ntype=", range: from..<text.endIndex)).lowerBound
        try String(text[...cut]).write(to: log, atomically: false, encoding: .utf8)
        #expect(try Binary.run(["ingest", "--no-progress", "--db", db, log.path]).status == 0)
        try text.write(to: log, atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(atPath: log.path, toPath: log.path + ".1")
        try "type=DAEMON_START msg=audit(1764000000.000:1): op=start ver=3.0.9 format=raw res=success\n"
            .write(to: log, atomically: false, encoding: .utf8)

        let alone = try Binary.run(["ingest", "--no-progress", "--db", db, log.path])
        #expect(alone.status == 0, "\(alone.stderr)")
        let readTo = text.utf8.distance(from: text.utf8.startIndex, to: cut) + 1
        #expect(alone.stderr.contains("warning: \(log.path).1 was read in part by an earlier run (to byte \(readTo) of \(text.utf8.count):"),
                "\(alone.stderr)")
        // The set spelt two ways is still one: the copy is named once.
        let twice = try Binary.run(["ingest", "--no-progress", "--db", db, folder.path + "/./audit.log", log.path])
        #expect(twice.stderr.components(separatedBy: "was read in part").count == 2, "\(twice.stderr)")
        let both = try Binary.run(["ingest", "--no-progress", "--db", db, log.path, log.path + ".1"])
        #expect(both.status == 0 && !both.stderr.contains("read in part"), "\(both.stderr)")
        let again = try Binary.run(["ingest", "--no-progress", "--db", db, log.path])
        #expect(!again.stderr.contains("read in part"), "\(again.stderr)")
        // A last line without its newline (a full disk, a crash): the checkpoint stays before
        // it, and nothing more is owed.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log.path + ".1"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("type=DAEMON_END msg=audit(1764099999.000:9): op=terminate auid=0 pid=1 res=success".utf8))
        try handle.close()
        let quiet = try Binary.run(["ingest", "--no-progress", "--db", db, log.path])
        #expect(!quiet.stderr.contains("read in part"), "\(quiet.stderr)")
    }
}
