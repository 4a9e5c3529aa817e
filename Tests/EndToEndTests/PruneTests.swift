import Foundation
import Testing
import Store
import TestSupport

/// `svirt-trace prune` through the binary, on tools/sample (events from 03:47:25 to 03:47:37 on
/// 2025-11-25): what remains answers every report as the unpruned store answers it for the same
/// window, and the running totals agree with the rows they count.
@Suite struct PruneTests {
    /// Now is 03:48:31, so --older-than 1m cuts at 03:47:31, in the middle of the sample.
    static let now = "@1764042511"
    static let cutoff = "@1764042451"

    static func store(_ folder: URL, _ name: String) throws -> String {
        let db = folder.appendingPathComponent(name).path
        let r = try StoreCLI.run(["ingest", "--db", db, "--libvirt-state", MigrationTests.sample.run, MigrationTests.sample.log])
        #expect(r.status == 0, "\(r.stderr)")
        return db
    }

    @Test func whatRemainsAnswersAsTheWholeStoreDoesForTheSameWindow() throws {
        let folder = try Fixtures.temporaryFolder("prune")
        let whole = try Self.store(folder, "whole.db")
        let pruned = try Self.store(folder, "pruned.db")
        let dry = try StoreCLI.run(["prune", "--db", pruned, "--older-than", "1m", "--dry-run"], environment: ["SVIRT_TRACE_NOW": Self.now])
        #expect(dry.status == 0 && dry.stdout.contains("would delete") && dry.stdout.contains("65 audit events (33 denials)"), "\(dry.stderr)")
        #expect(try StoreProbe.open(pruned).count("SELECT count(*) FROM audit_events") == 132, "a dry run deleted something")
        // Small chunks: the totals must stay right across many transactions.
        let r = try StoreCLI.run(["prune", "--db", pruned, "--older-than", "1m", "--chunk", "7"], environment: ["SVIRT_TRACE_NOW": Self.now])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("deleted") && r.stderr.contains("65 audit events (33 denials)"), "\(r.stderr)")
        let probe = try StoreProbe.open(pruned)
        let counts = try probe.tableCounts()  // asserts the totals against the rows
        #expect(counts["audit_events"] == 67 && counts["denials"] == 43)
        #expect(try probe.count("SELECT count(*) FROM audit_events WHERE time_ms < 1764042451000") == 0)
        #expect(try probe.count("SELECT count(*) FROM denial_runs WHERE first_ms < 1764042451000") == 0)
        for query in [["query", "denials"], ["query", "cross-guest"], ["query", "cross-guest", "--detail"],
                      ["query", "who-touched", "cache008"]] {
            let after = try StoreCLI.run(query + ["--db", pruned, "--format", "json"])
            let before = try StoreCLI.run(query + ["--db", whole, "--format", "json", "--since", Self.cutoff])
            #expect(after.status == 0 && !after.stdout.isEmpty, "\(query): \(after.stderr)")
            #expect(after.stdout == before.stdout, "\(query)")
        }
        // Evidence of what remains is intact; what was pruned is gone, not half there.
        let kept = try StoreCLI.run(["query", "evidence", "--db", pruned, "--format", "jsonl",
                                     try Self.firstSerial(pruned)])
        #expect(kept.status == 0 && !kept.stdout.isEmpty, "\(kept.stderr)")
        let gone = try StoreCLI.run(["query", "evidence", "--db", pruned, "834"])
        #expect(gone.status != 0 && gone.stderr.contains("no stored event"), "\(gone.stderr)")
        // Running it again finds nothing more.
        let again = try StoreCLI.run(["prune", "--db", pruned, "--older-than", "1m"], environment: ["SVIRT_TRACE_NOW": Self.now])
        #expect(again.status == 0 && again.stderr.contains(" 0 audit events"), "\(again.stderr)")
    }

    @Test func watchWithRetainPrunesBesideStoringAndKeepsTheTotalsExact() throws {
        let folder = try Fixtures.temporaryFolder("retain")
        let log = folder.appendingPathComponent("audit.log")
        try FileManager.default.copyItem(atPath: MigrationTests.sample.log, toPath: log.path)
        let db = folder.appendingPathComponent("w.db").path
        let watch = Process()
        watch.executableURL = URL(fileURLWithPath: Binary.path)
        watch.arguments = ["watch", "--db", db, "--follow", log.path, "--retain", "1m"]
        var environment = ProcessInfo.processInfo.environment
        environment["SVIRT_TRACE_NOW"] = Self.now
        watch.environment = environment
        watch.standardOutput = FileHandle.nullDevice
        watch.standardError = FileHandle.nullDevice
        try watch.run()
        defer { if watch.isRunning { watch.terminate(); watch.waitUntilExit() } }
        func settled() -> Bool {
            guard let probe = try? StoreProbe.open(db),
                  let events = try? probe.count("SELECT count(*) FROM audit_events"),
                  let old = try? probe.count("SELECT count(*) FROM audit_events WHERE time_ms < 1764042451000") else { return false }
            return events == 67 && old == 0
        }
        let deadline = Date().addingTimeInterval(20)
        while !settled() && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(settled(), "watch --retain did not store the log and prune what is older than a minute")
        watch.terminate()
        watch.waitUntilExit()
        #expect(watch.terminationStatus == 0)
        let counts = try StoreProbe.open(db).tableCounts()
        #expect(counts["denials"] == 43)
    }

    static func firstSerial(_ db: String) throws -> String {
        String(try StoreProbe.open(db).count("SELECT min(serial) FROM audit_events"))
    }

    /// A mistyped --db once created an empty store and reported "deleted ... 0 audit events".
    @Test(arguments: [[], ["--dry-run"]])
    func aMissingStoreIsAnErrorAndIsNotCreated(extra: [String]) throws {
        let folder = try Fixtures.temporaryFolder("prune-missing")
        let path = folder.appendingPathComponent("typo.db").path
        let r = try StoreCLI.run(["prune", "--db", path, "--older-than", "90d"] + extra)
        #expect(r.status == 4 && r.stderr.contains("no such database"), "\(r.status) \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: ["90", "0d", "30s", "1x", "", "d", "-5d", "999999999999999y",
                           // Each part fits in 64 bits, their sum does not: once a crash (overflow trap).
                           "200000000y200000000y"])
    func aDurationWithoutAUnitOrOutOfRangeIsAUsageError(text: String) throws {
        let folder = try Fixtures.temporaryFolder("prune-usage")
        let r = try StoreCLI.run(["prune", "--db", folder.appendingPathComponent("x.db").path, "--older-than", text])
        #expect(r.status == 2, "\(text): \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.db").path))
    }
}
