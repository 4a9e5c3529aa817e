import Foundation
import Testing
import TestSupport

/// SIGTERM while watch catches up on one large file (a rotated copy of hundreds of MB, or the
/// plugin's catch-up log) is taken after the chunk being read, not at the file's end: systemd
/// kills a daemon that overruns its stop timeout, and a daemon that cannot be stopped promptly is
/// one an operator restarts with SIGKILL. The next start reads the rest, each event once.
@Suite(.serialized) struct CatchUpStopTests {
    struct Setup {
        let folder: URL
        let log: URL
        let db: String
        let workload: Workload
        /// A few hundred events, then the rest of the workload: tens of MB of denials.
        let head: String
        let rest: String
        /// `query denials` of one ingest of the whole workload, and its count of denials.
        let expected: [String]
        let expectedCount: Int
    }

    /// Denials only, so the file takes seconds to read: a stop that waited for its end would
    /// store everything before exiting.
    static func setup() throws -> Setup {
        var options = Workload.Options(events: 20_000, seed: 23, nodes: 1)
        options.virtPerMille = 1000
        options.interleave = 0
        let w = try Workload.generate(options)
        let folder = try Fixtures.temporaryFolder("catch-up-stop")
        let text = try String(contentsOf: w.log, encoding: .utf8)
        let from = text.utf8.index(text.utf8.startIndex, offsetBy: text.utf8.count / 100)
        let cut = try #require(text.range(of: "\ntype=VIRT_CONTROL", range: from..<text.endIndex))
        let db = folder.appendingPathComponent("reference.db").path
        let r = try Binary.run(["ingest", "--db", db, "--node", "hv1", "--libvirt-state", w.rundir.path, w.log.path])
        #expect(r.status == 0, "\(r.stderr)")
        return Setup(folder: folder, log: folder.appendingPathComponent("audit.log"),
                     db: folder.appendingPathComponent("w.db").path, workload: w,
                     head: String(text[...cut.lowerBound]), rest: String(text[text.index(after: cut.lowerBound)...]),
                     expected: try RotationWhileStoppedTests.denials(db), expectedCount: storedDenials(db))
    }

    /// Denials stored, from `query stats` (cheaper to poll than listing them).
    static func storedDenials(_ db: String) -> Int {
        guard let r = try? Binary.run(["query", "stats", "--db", db, "--format", "jsonl"]), r.status == 0 else { return 0 }
        return r.stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let row = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  row["section"] as? String == "kind" else { return nil }
            return row["count"] as? Int
        }.reduce(0, +)
    }

    /// Waits until watch has stored `count` denials, then stops it.
    static func settle(_ w: WatchTests.Watcher, db: String, denials count: Int) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, storedDenials(db) < count { Thread.sleep(forTimeInterval: 0.2) }
        return storedDenials(db) == count && w.terminate() == 0
    }

    /// Waits for the first alert of the catch-up (its first commit), stops watch, and returns
    /// what it said.
    static func stopOnceItStored(_ w: WatchTests.Watcher) -> String {
        #expect(w.wait(seconds: 60) { !w.alertLines().isEmpty || !w.process.isRunning }, "\(w.said())")
        #expect(w.terminate() == 0, "\(w.said())")
        return w.said()
    }

    @Test func aStopInTheMiddleOfALargeRotatedCopyIsTakenThereAndTheNextStartReadsTheRest() throws {
        let s = try Self.setup()
        func watch() throws -> WatchTests.Watcher {
            try WatchTests.Watcher(["--db", s.db, "--node", "hv1", "--libvirt-state", s.workload.rundir.path,
                                    "--follow", s.log.path], folder: s.folder)
        }
        try s.head.write(to: s.log, atomically: false, encoding: .utf8)
        let first = try watch()
        #expect(first.wait(seconds: 30) { Self.storedDenials(s.db) > 0 }, "\(first.said())")
        #expect(first.terminate() == 0)
        let before = Self.storedDenials(s.db)
        // Written and rotated away while watch was stopped.
        try WatchTests.append(s.rest, to: s.log)
        try FileManager.default.moveItem(atPath: s.log.path, toPath: s.log.path + ".1")
        try "".write(to: s.log, atomically: false, encoding: .utf8)

        let said = Self.stopOnceItStored(try watch())
        #expect(said.contains("stopped during the catch-up of rotated copies; nothing is lost: the next start reads the rest of \(s.log.path).1, where it stopped"), "\(said)")
        let stored = Self.storedDenials(s.db)
        #expect(stored > before && stored < s.expectedCount, "stored \(stored) of \(s.expectedCount) before the stop")

        let second = try watch()
        #expect(Self.settle(second, db: s.db, denials: s.expectedCount), "\(second.said())")
        #expect(try RotationWhileStoppedTests.denials(s.db) == s.expected)
        #expect(!second.said().contains("pipeline-gap"), "\(second.said())")
    }

    /// The copy watch stopped in is rotated again while watch is down (audit.log.1 becomes
    /// audit.log.2, and the log written meanwhile becomes audit.log.1): the next start finds the
    /// copy by its content under its new name, reads the rest of it, then the newer copy.
    @Test func aCopyRotatedAgainAfterAStopInItsMiddleIsReadOnUnderItsNewName() throws {
        let s = try Self.setup()
        let from = s.rest.utf8.index(s.rest.utf8.startIndex, offsetBy: s.rest.utf8.count * 4 / 5)
        let cut = try #require(s.rest.range(of: "\ntype=VIRT_CONTROL", range: from..<s.rest.endIndex))
        let (older, newer) = (String(s.rest[...cut.lowerBound]), String(s.rest[s.rest.index(after: cut.lowerBound)...]))
        func watch() throws -> WatchTests.Watcher {
            try WatchTests.Watcher(["--db", s.db, "--node", "hv1", "--libvirt-state", s.workload.rundir.path,
                                    "--follow", s.log.path], folder: s.folder)
        }
        func rotate() throws {
            let manager = FileManager.default
            for n in stride(from: 2, through: 1, by: -1) where manager.fileExists(atPath: "\(s.log.path).\(n)") {
                try manager.moveItem(atPath: "\(s.log.path).\(n)", toPath: "\(s.log.path).\(n + 1)")
            }
            try manager.moveItem(atPath: s.log.path, toPath: s.log.path + ".1")
            try "".write(to: s.log, atomically: false, encoding: .utf8)
        }
        try s.head.write(to: s.log, atomically: false, encoding: .utf8)
        let first = try watch()
        #expect(first.wait(seconds: 30) { Self.storedDenials(s.db) > 0 }, "\(first.said())")
        #expect(first.terminate() == 0)
        try WatchTests.append(older, to: s.log)
        try rotate()

        let said = Self.stopOnceItStored(try watch())
        #expect(said.contains("the next start reads the rest of \(s.log.path).1, where it stopped"), "\(said)")
        let stored = Self.storedDenials(s.db)
        #expect(stored < s.expectedCount, "stored \(stored) of \(s.expectedCount) before the stop")
        // Logged and rotated while watch was down.
        try WatchTests.append(newer, to: s.log)
        try rotate()

        let third = try watch()
        #expect(Self.settle(third, db: s.db, denials: s.expectedCount), "\(third.said())")
        #expect(try RotationWhileStoppedTests.denials(s.db) == s.expected)
        #expect(!third.said().contains("pipeline-gap"), "\(third.said())")
    }

    @Test func aStopInTheMiddleOfThePluginsCatchUpLogIsTakenThereAndTheNextStartReadsTheRest() throws {
        let s = try Self.setup()
        func plugin(_ stdin: FileHandle) throws -> WatchTests.Watcher {
            try WatchTests.Watcher(["--db", s.db, "--node", "hv1", "--libvirt-state", s.workload.rundir.path,
                                    "--stdin", "--catch-up-log", s.log.path], folder: s.folder, stdin: stdin)
        }
        func streamThatEnds() throws -> FileHandle { try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/null")) }
        try s.head.write(to: s.log, atomically: false, encoding: .utf8)
        let first = try plugin(try streamThatEnds())
        #expect(first.wait(seconds: 30) { !first.process.isRunning }, "\(first.said())")
        let before = Self.storedDenials(s.db)
        #expect(before > 0)
        // Logged while the plugin was down.
        try WatchTests.append(s.rest, to: s.log)

        let stream = Pipe()
        let said = Self.stopOnceItStored(try plugin(stream.fileHandleForReading))
        #expect(said.contains("stopped during the catch-up, in the middle of \(s.log.path) (file 1 of 1); nothing is lost: the next start reads the rest of it from the log"), "\(said)")
        let stored = Self.storedDenials(s.db)
        #expect(stored > before && stored < s.expectedCount, "stored \(stored) of \(s.expectedCount) before the stop")
        try stream.fileHandleForWriting.close()

        let third = try plugin(try streamThatEnds())
        #expect(third.wait(seconds: 120) { !third.process.isRunning }, "\(third.said())")
        #expect(third.process.terminationStatus == 0, "\(third.said())")
        #expect(try RotationWhileStoppedTests.denials(s.db) == s.expected)
    }
}
