import Foundation
import Testing
import Native
import TestSupport

/// The spool's change log counts its seqs without AUTOINCREMENT: a new entry takes the highest
/// seq in the table plus one, so the clean-up of shipped entries must leave the highest. A log
/// emptied whole would start again at 1, below the fleet store's shipped_seq, and every later
/// change would be skipped as shipped.
@Suite struct FleetChangeLogTests {
    /// A log cut at an event boundary into two halves, each shipped by its own run.
    private func halves() throws -> (first: URL, second: URL) {
        var options = Workload.Options(events: 4000, seed: 21, nodes: 1, enriched: false)
        options.interleave = 0
        let work = try Workload.generate(options)
        let text = try String(contentsOf: work.log, encoding: .utf8)
        let half = FleetWriterTests.eventBoundary(in: text, past: 1, of: 2)
        let folder = try Fixtures.temporaryFolder("fleet-change-log")
        let first = folder.appendingPathComponent("audit.log.1"), second = folder.appendingPathComponent("audit.log")
        try String(text[..<half]).write(to: first, atomically: true, encoding: .utf8)
        try String(text[half...]).write(to: second, atomically: true, encoding: .utf8)
        return (first, second)
    }

    private func shippedSeq(_ fleet: FleetWriterTests.Fleet) throws -> Int64 {
        try PostgresConnection(connection: fleet.admin).rows("SELECT max(shipped_seq) FROM svirt_trace.spools").first?.first?.int64 ?? 0
    }

    @Test func everythingShippedThenMoreShipsToo() throws {
        var fleet = try FleetWriterTests.Fleet()
        defer { fleet.tearDown() }
        let writer = try fleet.writer("hv01", nodes: ["hv01"])
        let (first, second) = try halves()
        let spool = try Fixtures.temporaryFolder("fleet-change-log").appendingPathComponent("spool.db").path

        let one = try FleetWriterTests.ingest(["--db", writer, "--spool", spool, "--node", "hv01", first.path])
        #expect(one.status == 0, "\(one.stderr)")
        let afterOne = try SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*), max(seq) FROM fleet_changes")
        // Everything shipped: only the newest entry is left, at the fleet store's shipped_seq.
        #expect(afterOne == [[.integer(1), .integer(try shippedSeq(fleet))]], "\(afterOne)")

        let two = try FleetWriterTests.ingest(["--db", writer, "--spool", spool, "--node", "hv01", second.path])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(try shippedSeq(fleet) > afterOne[0][1].int64 ?? .max)
        #expect(try FleetWriterTests.differences(spool: spool, fleet: fleet.admin) == [])
        // And the fleet store answers as a SQLite store fed the same two runs.
        let plain = try Fixtures.temporaryFolder("fleet-change-log").appendingPathComponent("plain.db").path
        for log in [first, second] { #expect(try FleetWriterTests.ingest(["--db", plain, "--node", "hv01", log.path]).status == 0) }
        let fromFleet = try Binary.run(["query", "denials", "--format", "jsonl", "--config", "/dev/null", "--db", fleet.admin])
        let fromSQLite = try Binary.run(["query", "denials", "--format", "jsonl", "--config", "/dev/null", "--db", plain])
        #expect(fromFleet.status == 0 && !fromSQLite.stdout.isEmpty)
        #expect(fromFleet.stdout == fromSQLite.stdout)
    }

    /// A spool an earlier svirt-trace made keeps its AUTOINCREMENT change log, and ships on.
    @Test func anAutoincrementLogOfAnEarlierBuildShipsOn() throws {
        var fleet = try FleetWriterTests.Fleet()
        defer { fleet.tearDown() }
        let writer = try fleet.writer("hv01", nodes: ["hv01"])
        let (first, second) = try halves()
        let spool = try Fixtures.temporaryFolder("fleet-change-log").appendingPathComponent("spool.db").path
        // An empty store, then the two tables of that build's outbox, as its first open made them.
        #expect(try FleetWriterTests.ingest(["--db", spool, "--node", "hv01", "/dev/null"]).status == 0)
        let made = try SQLiteDatabase(path: spool, mode: .readWrite)
        try made.execute("""
            CREATE TABLE fleet_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, key ANY NOT NULL) STRICT;
            CREATE TABLE fleet_spool (name TEXT PRIMARY KEY, value ANY NOT NULL) STRICT, WITHOUT ROWID;
            """)
        for log in [first, second] {
            let run = try FleetWriterTests.ingest(["--db", writer, "--spool", spool, "--node", "hv01", log.path])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let local = try SQLiteDatabase(path: spool, mode: .readOnly)
        #expect(try local.rows("SELECT count(*) FROM sqlite_master WHERE name = 'fleet_changes' AND sql LIKE '%AUTOINCREMENT%'") == [[.integer(1)]])
        #expect(try local.rows("SELECT seq FROM sqlite_sequence WHERE name = 'fleet_changes'") == [[.integer(try shippedSeq(fleet))]])
        #expect(try FleetWriterTests.differences(spool: spool, fleet: fleet.admin) == [])
    }
}

