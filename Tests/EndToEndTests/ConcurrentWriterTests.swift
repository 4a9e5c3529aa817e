import Foundation
import Testing
import TestSupport

/// Several writers on one database (issue 9, items 7 and 8): two ingests at once, and an ingest
/// beside a running watch. Whatever the interleaving, every query must answer as if the runs had
/// been made one after the other.
@Suite(.serialized) struct ConcurrentWriterTests {
    static var binary: String { CommandLineTests.binary }

    /// Every report a forensic user reads, as sorted JSON lines: identical outputs mean identical
    /// stores as far as anyone can tell.
    /// Rows only one side has, at most a few, for a readable failure.
    static func difference(_ a: [String]?, _ b: [String]?) -> String {
        let left = Set(a ?? []), right = Set(b ?? [])
        let onlyA = left.subtracting(right).sorted().prefix(3), onlyB = right.subtracting(left).sorted().prefix(3)
        return "\(left.count) vs \(right.count) rows; only in expected: \(Array(onlyA)); only in got: \(Array(onlyB))"
    }

    static func answers(_ db: String, nodes: [String]) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        var queries: [String: [String]] = [
            "denials": ["query", "denials"], "events": ["query", "events"], "cross-guest": ["query", "cross-guest"],
        ]
        for node in nodes {
            queries["label \(node)"] = ["query", "label", "s0:c10,c100", "--node", node]
        }
        for (name, args) in queries {
            let r = try Binary.run(args + ["--db", db, "--format", "jsonl"])
            #expect(r.status == 0 || r.status == 1, "\(name): \(r.stderr)")
            out[name] = r.stdout.split(separator: "\n").map(String.init).sorted()
        }
        return out
    }

    /// The reference: each workload ingested alone, one after the other, into one database.
    static func ingestOneAfterTheOther(_ runs: [(Workload, String)], folder: URL) throws -> String {
        let db = folder.appendingPathComponent("sequential.db").path
        for (w, node) in runs {
            let r = try Binary.run(["ingest", "--db", db, "--node", node, "--libvirt-state", w.rundir.path, w.log.path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        return db
    }

    static func ingest(_ db: String, _ extra: [String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["ingest", "--db", db, "--no-progress", "--batch-events", "200"] + extra
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    static func workload(seed: Int) throws -> Workload {
        var options = Workload.Options(events: 12_000, seed: seed, nodes: 1)
        options.virtPerMille = 200
        options.interleave = 0
        return try Workload.generate(options)
    }

    @Test func twoIngestsOfTheSameFileAtOnceStoreWhatOneStores() throws {
        let w = try Self.workload(seed: 41)
        let folder = try Fixtures.temporaryFolder("concurrent")
        let reference = folder.appendingPathComponent("reference.db").path
        let r = try Binary.run(["ingest", "--db", reference, "--node", "hv1", "--libvirt-state", w.rundir.path, w.log.path])
        #expect(r.status == 0, "\(r.stderr)")

        let shared = folder.appendingPathComponent("shared.db").path
        let first = try Self.ingest(shared, ["--node", "hv1", "--libvirt-state", w.rundir.path, w.log.path])
        Thread.sleep(forTimeInterval: 0.3)
        let second = try Self.ingest(shared, ["--node", "hv1", "--libvirt-state", w.rundir.path, w.log.path])
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        let expected = try Self.answers(reference, nodes: ["hv1"])
        #expect((expected["denials"]?.count ?? 0) > 300)
        let got = try Self.answers(shared, nodes: ["hv1"])
        for key in expected.keys.sorted() {
            #expect(got[key] == expected[key], "\(key) differs after two concurrent ingests of one file: \(Self.difference(expected[key], got[key]))")
        }
    }

    @Test func twoIngestsOfDifferentNodesAtOnceKeepTheirGuestsApart() throws {
        let a = try Self.workload(seed: 42)
        let b = try Self.workload(seed: 43)
        let folder = try Fixtures.temporaryFolder("concurrent")
        let sequential = try Self.ingestOneAfterTheOther([(a, "hvA"), (b, "hvB")], folder: folder)
        let shared = folder.appendingPathComponent("shared.db").path
        let first = try Self.ingest(shared, ["--node", "hvA", "--libvirt-state", a.rundir.path, a.log.path])
        let second = try Self.ingest(shared, ["--node", "hvB", "--libvirt-state", b.rundir.path, b.log.path])
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.terminationStatus == 0)
        let expected = try Self.answers(sequential, nodes: ["hvA", "hvB"])
        let got = try Self.answers(shared, nodes: ["hvA", "hvB"])
        for key in expected.keys.sorted() {
            #expect(got[key] == expected[key], "\(key) differs between concurrent and sequential ingests: \(Self.difference(expected[key], got[key]))")
        }
        // No lease may carry a guest of the other node.
        let mixed = try runProcess("/usr/bin/env", ["sqlite3", shared,
            "SELECT count(*) FROM leases l JOIN guests g ON g.id = l.guest_id WHERE l.node != g.node"])
        #expect(String(decoding: mixed.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func twoIngestsCreatingOneNewDatabaseAtOnceBothSucceed() throws {
        // Creating the file, switching it to WAL and migrating it race when both start at once:
        // neither may replace the file the other opened, nor give up on the lock.
        var options = Workload.Options(events: 3000, seed: 46, nodes: 1)
        options.interleave = 0
        let a = try Workload.generate(options)
        options.seed = 47
        let b = try Workload.generate(options)
        let folder = try Fixtures.temporaryFolder("concurrent")
        for round in 0..<8 {
            let db = folder.appendingPathComponent("fresh\(round).db").path
            let first = try Self.ingest(db, ["--node", "hvA", a.log.path])
            let second = try Self.ingest(db, ["--node", "hvB", b.log.path])
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0, "round \(round)")
        }
    }

    @Test func fourIngestsCreatingOneNewDatabaseAtOnceAllSucceed() throws {
        // The writers' version check read the version and the table count in two statements:
        // another writer's first migration committed between them, and its tables were taken
        // for a foreign store's ("not an svirt-trace database", about 1 round in 100 here).
        let folder = try Fixtures.temporaryFolder("concurrent")
        let log = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path
        var failures: [String] = []
        for round in 0..<40 {
            let db = folder.appendingPathComponent("fresh\(round).db").path
            let writers = try (0..<4).map { _ in try Self.ingest(db, [log]) }
            for writer in writers {
                writer.waitUntilExit()
                if writer.terminationStatus != 0 { failures.append("round \(round): exit \(writer.terminationStatus)") }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func aWatchStartedWhileAnotherWriterHoldsTheLockWaitsForIt() throws {
        let folder = try Fixtures.temporaryFolder("concurrent")
        let db = folder.appendingPathComponent("held.db").path
        let log = folder.appendingPathComponent("audit.log")
        try CommandLineTests.hostileLog().write(to: log, atomically: true, encoding: .utf8)
        #expect(try Binary.run(["ingest", "--db", db, "--no-progress", log.path]).status == 0)
        // Another writer holds the lock for 3 s, longer than watch's 1 s lock timeout.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(3); c.execute('COMMIT')
            """, db]
        let ready = Pipe()
        holder.standardOutput = ready
        try holder.run()
        _ = ready.fileHandleForReading.availableData  // "held"
        let watch = try WatchTests.Watcher(["--db", db, "--lock-timeout", "1", "--libvirt-state", Fixtures.repositoryRoot.appendingPathComponent("tools/sample/run").path,
                                            "--follow", log.path], folder: folder)
        holder.waitUntilExit()
        Thread.sleep(forTimeInterval: 1.5)
        #expect(watch.process.isRunning, "watch waited for the lock instead of exiting")
        #expect(watch.terminate() == 0)
        let errors = (try? String(contentsOf: watch.errors, encoding: .utf8)) ?? ""
        #expect(errors.contains("still waiting"), "says it waits: \(errors)")
    }

    @Test func anIngestFinishesBesideARunningWatchAndBothStoreEverything() throws {
        let a = try Self.workload(seed: 44)
        let b = try Self.workload(seed: 45)
        let folder = try Fixtures.temporaryFolder("concurrent")
        let sequential = try Self.ingestOneAfterTheOther([(a, "hvA"), (b, "hvB")], folder: folder)
        let shared = folder.appendingPathComponent("shared.db").path
        let followed = folder.appendingPathComponent("audit.log")
        try Data().write(to: followed)
        let watch = try WatchTests.Watcher(["--db", shared, "--node", "hvA", "--libvirt-state", a.rundir.path,
                                            "--follow", followed.path], folder: folder)
        // The followed log grows in pieces while the other node's log is ingested beside it.
        let bytes = try Data(contentsOf: a.log)
        // Cut between two events, at a single-record one, so no event is split across the pieces.
        let text = String(decoding: bytes, as: UTF8.self)
        let middle = text.utf8.index(text.utf8.startIndex, offsetBy: bytes.count / 2)
        let boundary = text.range(of: "\ntype=VIRT_CONTROL", range: middle..<text.endIndex)?.lowerBound ?? text.endIndex
        let newline = text.utf8.distance(from: text.utf8.startIndex, to: boundary) + 1
        try WatchTests.append(String(decoding: bytes[..<newline], as: UTF8.self), to: followed)
        Thread.sleep(forTimeInterval: 0.3)
        let started = Date()
        let ingest = try Binary.run(["ingest", "--db", shared, "--node", "hvB", "--lock-timeout", "5",
                                     "--libvirt-state", b.rundir.path, b.log.path])
        #expect(ingest.status == 0, "ingest beside watch: \(ingest.stderr)")
        #expect(Date().timeIntervalSince(started) < 60)
        try WatchTests.append(String(decoding: bytes[newline...], as: UTF8.self), to: followed)
        let expected = try Self.answers(sequential, nodes: ["hvA", "hvB"])
        let wanted = expected["denials"]?.count ?? 0
        #expect(watch.wait(seconds: 60) {
            ((try? Self.answers(shared, nodes: [])["denials"]?.count) ?? 0) >= wanted
        })
        #expect(watch.terminate() == 0)
        let got = try Self.answers(shared, nodes: ["hvA", "hvB"])
        for key in expected.keys.sorted() {
            #expect(got[key] == expected[key], "\(key) differs between watch+ingest and sequential ingests: \(Self.difference(expected[key], got[key]))")
        }
    }
}
