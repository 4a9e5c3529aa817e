import Foundation
import Testing
import TestSupport

/// `query evidence` on a store whose evidence was damaged after it was written: a clear database
/// error naming the block, never a trap and never an empty answer that passes for "no records";
/// the other events stay readable.
@Suite struct EvidenceDamageTests {
    static func sampleStore(_ label: String) throws -> String {
        let folder = try Fixtures.temporaryFolder(label)
        let db = folder.appendingPathComponent("s.db").path
        let r = try StoreCLI.run(["ingest", "--db", db, "--libvirt-state", MigrationTests.sample.run, MigrationTests.sample.log])
        #expect(r.status == 0, "\(r.stderr)")
        _ = try runProcess("/usr/bin/env", ["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE);"])
        return db
    }

    /// An event's byte range outside its block, cut short, or moved off a record boundary once
    /// printed nothing and exited 1 ("nothing matched"), or printed a neighbour's bytes cut in
    /// the middle as records.
    @Test(arguments: ["block_offset = 99999999", "block_offset = -5", "block_length = 0", "block_length = block_length - 1",
                      "block_length = block_length + 1", "block_offset = block_offset + 10",
                      "block_offset = 100, block_length = 9223372036854775800"])
    func aDamagedRangeIsAnErrorAndTheOtherEventsStayReadable(damage: String) throws {
        let db = try Self.sampleStore("evidence-range")
        _ = try runProcess("/usr/bin/env", ["sqlite3", db, "UPDATE audit_events SET \(damage) WHERE serial = 834;"])
        let bad = try StoreCLI.run(["query", "evidence", "--db", db, "834"])
        #expect(!bad.signalled && bad.status == 4, "\(damage): \(bad.status) \(bad.stderr)")
        #expect(bad.stderr.contains("evidence block") && bad.stderr.contains("damaged"), "\(damage): \(bad.stderr)")
        let good = try StoreCLI.run(["query", "evidence", "--db", db, "--format", "jsonl", "857"])
        #expect(good.status == 0 && good.stdout.split(separator: "\n").count == 5, "\(damage): \(good.stderr)")
    }

    @Test(arguments: ["data = x'00'", "data = x''", "data = substr(data, 1, length(data) / 2)", "length = length + 1"])
    func aDamagedBlockIsAnErrorAndTheFactsStayReadable(damage: String) throws {
        let db = try Self.sampleStore("evidence-block")
        _ = try runProcess("/usr/bin/env", ["sqlite3", db, "UPDATE evidence_blocks SET \(damage);"])
        let bad = try StoreCLI.run(["query", "evidence", "--db", db, "834"])
        #expect(!bad.signalled && bad.status == 4, "\(damage): \(bad.status) \(bad.stderr)")
        #expect(bad.stderr.contains("evidence block 1 is damaged"), "\(damage): \(bad.stderr)")
        let facts = try StoreCLI.run(["query", "denials", "--db", db, "--format", "jsonl"])
        #expect(facts.status == 0 && facts.stdout.split(separator: "\n").count == 76, "\(damage): \(facts.stderr)")
    }
}
