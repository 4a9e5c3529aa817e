import Foundation
import Testing
import Native
import TestSupport

/// A spool of an earlier svirt-trace keeps an outbox of one entry per key. Tests/Fixtures/
/// outbox-spool.sql is such a spool (`sqlite3 .dump` plus its user_version), made by that build
/// from tools/sample for node hv01, with 493 entries not yet shipped (seqs up to 518) and its
/// registration removed. Opened by this build, its entries move to the change log with their
/// seqs, the log's seqs go on from the outbox's highest, and everything it holds reaches the fleet store.
@Suite struct FleetSpoolUpgradeTests {
    @Test func anEarlierSpoolsOutboxBecomesTheChangeLogAndShipsWhole() throws {
        var fleet = try FleetWriterTests.Fleet()
        defer { fleet.tearDown() }
        let writer = try fleet.writer("hv01", nodes: ["hv01"])
        let folder = try Fixtures.temporaryFolder("spool-upgrade")
        let spool = folder.appendingPathComponent("spool.db").path
        let dump = try Fixtures.read("Tests/Fixtures/outbox-spool.sql")
        let load = try runProcess("/usr/bin/env", ["sqlite3", spool], stdin: Data(dump.utf8))
        #expect(load.status == 0, "sqlite3 is missing: apt-get install sqlite3")
        let before = try SQLiteDatabase(path: spool, mode: .readOnly)
        #expect(try before.rows("SELECT count(*), max(seq) FROM fleet_outbox") == [[.integer(493), .integer(518)]])

        let shipped = try FleetWriterTests.ingest(["--db", writer, "--spool", spool, "--node", "hv01", "/dev/null"])
        #expect(shipped.status == 0 && shipped.stderr.contains("shipped 493 changed rows"), "\(shipped.stderr)")
        let after = try SQLiteDatabase(path: spool, mode: .readOnly)
        #expect(try after.rows("SELECT count(*) FROM sqlite_master WHERE name = 'fleet_outbox'") == [[.integer(0)]])
        // Schema 8 gave each of its run parties the run's minute: an update of every party, which
        // its outbox noted (one seq each) before the outbox became the change log.
        let parties = try before.rows("SELECT count(*) FROM run_parties")[0][0].int64 ?? 0
        #expect(parties > 0)
        #expect(try after.rows("SELECT max(seq) FROM fleet_changes") == [[.integer(518 + parties)]])
        // Every trigger notes into the change log now.
        #expect(try after.rows("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%fleet_outbox%'") == [[.integer(0)]])
        let mirrored = try FleetWriterTests.differences(spool: spool, fleet: fleet.admin)
        #expect(mirrored.isEmpty, "\(mirrored.prefix(10).joined(separator: "\n"))")

        // New rows go on from seq 519, and ship.
        let work = try Workload.generate(Workload.Options(events: 1500, seed: 9, nodes: 1, enriched: false))
        let more = try FleetWriterTests.ingest(["--db", writer, "--spool", spool, "--node", "hv01", work.log.path])
        #expect(more.status == 0, "\(more.stderr)")
        let last = try SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT max(seq) FROM fleet_changes")
        #expect((last.first?.first?.int64 ?? 0) > 1000, "\(last)")
        let again = try FleetWriterTests.differences(spool: spool, fleet: fleet.admin)
        #expect(again.isEmpty, "\(again.prefix(10).joined(separator: "\n"))")
    }
}
