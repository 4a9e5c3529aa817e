import Foundation
import Testing
import Native
import Store
import TestSupport

/// A run's parties go in by a plain insert when their run is above the fleet store's ceiling;
/// a party that is there after all (its run gone from the fleet store, as no writer leaves it)
/// is a duplicate key, and the batch goes again by upserts instead of stopping the spool.
@Suite struct FleetRunPartiesTests {
    @Test func aPartyAlreadyThereIsUpsertedNotAStoppedSpool() throws {
        var fleet = try FleetWriterTests.Fleet()
        defer { fleet.tearDown() }
        let writer = try fleet.writer("hv_a", nodes: ["hv-a"])
        let spool = try Fixtures.temporaryFolder("fleet-parties").appendingPathComponent("spool.db").path
        let sample = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path
        let first = try FleetWriterTests.ingest(["--db", writer, "--spool", spool, "--node", "hv-a", sample])
        #expect(first.status == 0, "\(first.stderr)")
        let local = try SQLiteDatabase(path: spool, mode: .readWrite)
        let number = try #require(try FleetSpool.identity(local)?.spool)
        let run = try #require(try local.rows("SELECT max(run_id) FROM run_parties").first?.first?.int64)
        let fleetRun = number << 40 | run
        let admin = try PostgresConnection(connection: fleet.admin)
        try admin.run("DELETE FROM svirt_trace.denial_runs WHERE id = $1", [.integer(fleetRun)])
        try local.run("UPDATE run_parties SET run_minute_ms = run_minute_ms WHERE run_id = ?", [.integer(run)])

        let again = try FleetWriterTests.ingest(["--db", writer, "--spool", spool, "--node", "hv-a", "/dev/null"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!again.stderr.contains("23505"), "\(again.stderr)")
        let parties = try admin.rows("SELECT count(*) FROM svirt_trace.run_parties WHERE run_id = $1", [.integer(fleetRun)])
        #expect(parties == (try local.rows("SELECT count(*) FROM run_parties WHERE run_id = ?", [.integer(run)])))
    }
}
