import Foundation
import Testing
import Native
@testable import Store
import TestSupport

/// ingest and watch into the fleet store (PostgreSQL) through the binary: what a spool holds is
/// what the fleet store holds, row for row, across SIGKILL, outages and refusals.
@Suite struct FleetWriterTests {
    /// A migrated database of the test server, with login roles of this test.
    struct Fleet {
        let server: TestPostgresServer
        let name: String
        let admin: String
        let suffix = String(UUID().uuidString.prefix(8)).lowercased()
        var roles: [String] = []

        init() throws {
            server = try TestPostgresServer()
            (name, admin) = try server.makeDatabase()
            let migrate = try Binary.run(["fleet", "migrate", "--db", admin, "--config", "/dev/null"])
            guard migrate.status == 0 else { throw NSError(domain: "fleet migrate", code: Int(migrate.status)) }
        }

        /// A login role in svirt_trace_writer for `nodes` ("*": every node); returns its connection string.
        mutating func writer(_ base: String, nodes: [String]) throws -> String {
            let role = "\(base)_\(suffix)"
            roles.append(role)
            let db = try PostgresConnection(connection: admin)
            try db.execute("CREATE ROLE \(role) LOGIN IN ROLE svirt_trace_writer")
            for node in nodes { try db.run("INSERT INTO svirt_trace.writer_nodes VALUES ($1, $2)", [.text(role), .text(node)]) }
            return "\(admin) user=\(role)"
        }

        func tearDown() {
            server.dropDatabase(name)
            guard let db = try? PostgresConnection(connection: server.admin) else { return }
            for role in roles { try? db.execute("DROP ROLE IF EXISTS \(role)") }
        }

        func count(_ sql: String) throws -> Int64 {
            try PostgresConnection(connection: admin).rows(sql).first?.first?.int64 ?? -1
        }
    }

    /// Differences between what a spool holds and what the fleet store holds of it, table by
    /// table and row by row (ids moved back into the spool's range); empty when they agree.
    static func differences(spool path: String, fleet connection: String) throws -> [String] {
        let local = try SQLiteDatabase(path: path, mode: .readOnly)
        guard let number = try FleetSpool.identity(local)?.spool else { return ["\(path) is not registered"] }
        let fleet = try PostgresConnection(connection: connection)
        var found: [String] = []
        for table in FleetTable.all {
            let columns = try local.rows("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table.name)]).compactMap { $0[0].string }
            let order = table.key.joined(separator: ", ")
            let expected = try local.rows("SELECT \(columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(order)")
            let shifted = columns.map { table.ids.contains($0) ? "CASE WHEN \($0) > 0 THEN \($0) - ($1::bigint << 40) ELSE \($0) END AS \($0)" : $0 }
            let got = try fleet.rows("SELECT \(shifted.joined(separator: ", ")) FROM svirt_trace.\(table.name) WHERE spool = $1 ORDER BY \(order)",
                                     [.integer(number)])
            if got != expected {
                let missing = Set(expected.map { "\($0)" }).subtracting(got.map { "\($0)" }).prefix(3)
                let extra = Set(got.map { "\($0)" }).subtracting(expected.map { "\($0)" }).prefix(3)
                found.append("\(table.name): spool \(expected.count) rows, fleet \(got.count); missing \(Array(missing)); extra \(Array(extra))")
            }
        }
        return found
    }

    /// tools/sample's log once per node, each copy's records prefixed with `node=NODE`.
    static func writeSample(to log: URL, nodes: [String]) throws {
        let sample = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log"), encoding: .utf8)
            .split(separator: "\n")
        try (nodes.flatMap { node in sample.map { "node=\(node) " + $0 } }.joined(separator: "\n") + "\n")
            .write(to: log, atomically: true, encoding: .utf8)
    }

    /// The start of the first VIRT_CONTROL line past `part` / `parts` of a workload's log: an
    /// event boundary (the generator writes VIRT_CONTROL as an event of its own).
    static func eventBoundary(in text: String, past part: Int, of parts: Int) -> String.Index {
        let from = text.utf8.index(text.startIndex, offsetBy: text.utf8.count * part / parts)
        return text.range(of: "\ntype=VIRT_CONTROL", range: from..<text.endIndex).map { text.index(after: $0.lowerBound) } ?? text.endIndex
    }

    static func ingest(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(["ingest", "--config", "/dev/null", "--no-progress"] + arguments)
    }

    @Test(arguments: [Workload.Options(events: 6000, seed: 3, nodes: 3, enriched: false),
                      Workload.Options(events: 6000, seed: 4, nodes: 2, enriched: true)])
    func anIngestShipsEveryRowOnceAndAnswersAsSQLiteDoes(options: Workload.Options) throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let work = try Workload.generate(options)
        let folder = try Fixtures.temporaryFolder("fleet-ingest")
        let spool = folder.appendingPathComponent("spool.db").path
        let plain = folder.appendingPathComponent("plain.db").path
        let shipped = try Self.ingest(["--db", central, "--spool", spool, "--libvirt-state", work.rundir.path, work.log.path])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(shipped.stderr.contains("shipped ") && shipped.stderr.contains("as spool #"), "\(shipped.stderr)")
        let local = try Self.ingest(["--db", plain, "--libvirt-state", work.rundir.path, work.log.path])
        #expect(local.status == 0)
        // The spool is the SQLite store the same ingest makes, and the fleet store holds it.
        #expect(shipped.stderr.split(separator: "\n").first == local.stderr.split(separator: "\n").first)
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        let denials = try SQLiteDatabase(path: plain, mode: .readOnly).rows("SELECT count(*) FROM denials")[0][0].int64
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.denials") == denials)
        // Shipped entries are cleared but the newest, from which the next seq counts.
        #expect(try SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*) FROM fleet_changes") == [[.integer(1)]])

        // Again: nothing new is stored, and the fleet store still agrees.
        let again = try Self.ingest(["--db", central, "--spool", spool, "--libvirt-state", work.rundir.path, work.log.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.denials") == denials)
    }

    /// Two nodes whose names differ only in Unicode normalization are two nodes everywhere: the
    /// spool keeps a totals row for each, and the shipper's set of changed keys compared text as
    /// Swift does (canonically), so one of the two rows was taken for a repeat of the other and
    /// never shipped (the fleet store's stats showed half the denials).
    @Test func nodesSpeltInTwoNormalizationsShipEachTheirOwnTotals() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let folder = try Fixtures.temporaryFolder("fleet-nodes")
        let log = folder.appendingPathComponent("audit.log")
        try Self.writeSample(to: log, nodes: ["kvm-\u{E9}", "kvm-e\u{301}"])
        let spool = folder.appendingPathComponent("spool.db").path
        let plain = folder.appendingPathComponent("plain.db").path
        let shipped = try Self.ingest(["--db", central, "--spool", spool, log.path])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(try Self.ingest(["--db", plain, log.path]).status == 0)
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        #expect(try fleet.count("SELECT count(DISTINCT node) FROM svirt_trace.node_activity") == 2)
        let fromFleet = try Binary.run(["query", "stats", "--db", fleet.admin, "--config", "/dev/null", "--format", "json"])
        let fromSQLite = try Binary.run(["query", "stats", "--db", plain, "--config", "/dev/null", "--format", "json"])
        #expect(fromFleet.status == 0, "\(fromFleet.stderr)")
        #expect(fromFleet.stdout == fromSQLite.stdout)
        // Each node's denials once, not the two nodes' sum for each.
        let rows = (try? JSONSerialization.jsonObject(with: Data(fromSQLite.stdout.utf8))) as? [[String: Any]] ?? []
        let perNode = rows.filter { $0["section"] as? String == "node" }.compactMap { $0["count"] as? Int }
        let perKind = rows.filter { $0["section"] as? String == "kind" }.compactMap { $0["count"] as? Int }
        #expect(perNode.count == 2 && perNode[0] == perNode[1] && perNode.reduce(0, +) == perKind.reduce(0, +), "\(rows)")
    }

    @Test func aHostsWriterCannotShipAnotherNodesRowsAndKeepsThemInItsSpool() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let hostA = try fleet.writer("host_a", nodes: ["kvm-a"])
        let folder = try Fixtures.temporaryFolder("fleet-refused")
        let log = folder.appendingPathComponent("audit.log")
        // A log whose records say they come from kvm-b.
        try Self.writeSample(to: log, nodes: ["kvm-b"])
        let spool = folder.appendingPathComponent("spool.db").path
        let refused = try Self.ingest(["--db", hostA, "--node", "kvm-a", "--spool", spool, log.path])
        #expect(refused.status == 4, "\(refused.stderr)")
        // Said in the operator's words, not as the row policy's refusal.
        #expect(refused.stderr.contains("holds records of node 'kvm-b', which this role may not write (it may write 'kvm-a')")
                && refused.stderr.contains("fleet grant-writer ROLE --node NAME"), "\(refused.stderr)")
        #expect(refused.stderr.contains("waits in the spool"), "\(refused.stderr)")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events") == 0)
        // Nothing was lost: the spool holds it all, and ships it once the role may write kvm-b.
        #expect((try SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*) FROM fleet_changes")[0][0].int64 ?? 0) > 0)
        try PostgresConnection(connection: fleet.admin).run("INSERT INTO svirt_trace.writer_nodes VALUES ($1, 'kvm-b')",
                                                            [.text("host_a_\(fleet.suffix)")])
        let granted = try Self.ingest(["--db", hostA, "--node", "kvm-a", "--spool", spool, log.path])
        #expect(granted.status == 0, "\(granted.stderr)")
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        #expect(try fleet.count("SELECT count(DISTINCT node) FROM svirt_trace.audit_events") == 1)

        // A spool made for one node is not taken by a writer for another.
        let other = try Self.ingest(["--db", hostA, "--node", "kvm-c", "--spool", spool, log.path])
        #expect(other.status == 4)
        #expect(other.stderr.contains("feeds the fleet store for node 'kvm-a'"), "\(other.stderr)")
    }

    /// Two writers for different nodes given one new spool at the same moment: one is refused
    /// before it reads a line, not after its whole log (the fleet store numbers a spool only
    /// when its first batch ships, so both used to pass the check at start).
    @Test func twoNodesStartingOnOneNewSpoolAreToldApartBeforeReading() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let writer = try fleet.writer("host_ab", nodes: ["kvm-a", "kvm-b"])
        let folder = try Fixtures.temporaryFolder("fleet-one-spool")
        let spool = folder.appendingPathComponent("spool.db").path
        var logs: [String] = []
        for node in ["kvm-a", "kvm-b"] {
            let log = folder.appendingPathComponent("\(node).log")
            try Self.writeSample(to: log, nodes: [node])
            logs.append(log.path)
        }
        let finished = Locked<[(node: String, status: Int32, stderr: String)]>([])
        let paths = logs
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let node = ["kvm-a", "kvm-b"][index]
            let run = try? Self.ingest(["--db", writer, "--node", node, "--spool", spool, paths[index]])
            finished.mutate { $0.append((node, run?.status ?? -1, run?.stderr ?? "did not run")) }
        }
        let results = finished.value
        let refused = results.filter { $0.status != 0 }
        #expect(refused.count == 1, "\(results)")
        guard let loser = refused.first, let winner = results.first(where: { $0.status == 0 }) else { return }
        #expect(loser.status == 4 && loser.stderr.contains("feeds the fleet store for node '\(winner.node)', not '\(loser.node)'"),
                "\(loser.stderr)")
        #expect(!loser.stderr.contains("lines from"), "the refused writer read its log first: \(loser.stderr)")
        // The winner's rows, and only they, reached the fleet store.
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        #expect(try fleet.count("SELECT count(DISTINCT node) FROM svirt_trace.audit_events") == 1)
    }

    @Test func aSecondSpoolFeedingTheSameEventsIsRefusedNotCountedTwice() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let folder = try Fixtures.temporaryFolder("fleet-twice")
        let sample = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path
        let first = try Self.ingest(["--db", central, "--spool", folder.appendingPathComponent("one.db").path, sample])
        #expect(first.status == 0, "\(first.stderr)")
        let denials = try fleet.count("SELECT count(*) FROM svirt_trace.denials")
        let second = try Self.ingest(["--db", central, "--spool", folder.appendingPathComponent("two.db").path, sample])
        #expect(second.status == 4)
        #expect(second.stderr.contains("another spool"), "\(second.stderr)")
        // The meaning first, PostgreSQL's own words (the key) after it.
        let said = try #require(second.stderr.split(separator: "\n").first { $0.contains("another spool") })
        #expect(said.contains("already holds events that spool #"), "\(said)")
        #expect(said.range(of: "already holds")!.lowerBound < said.range(of: "duplicate key")!.lowerBound, "\(said)")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.denials") == denials)
    }

    @Test func aLostSpoolRestoredFromTheFleetStoreGoesOnWithoutShippingTwice() throws {
        // A host's spool file is lost. A new spool reading the logs again would be refused for
        // good (the events its old spool shipped); restore-spool writes the old one back.
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let host = try fleet.writer("host", nodes: ["hv1"])
        var options = Workload.Options(events: 6000, seed: 61, nodes: 1)
        options.interleave = 0
        let work = try Workload.generate(options)
        let folder = try Fixtures.temporaryFolder("fleet-restore")
        let text = try String(contentsOf: work.log, encoding: .utf8)
        let half = Self.eventBoundary(in: text, past: 1, of: 2)
        let log = folder.appendingPathComponent("audit.log")
        try String(text[..<half]).write(to: log, atomically: false, encoding: .utf8)
        let spool = folder.appendingPathComponent("spool.db").path
        let first = try Self.ingest(["--db", host, "--node", "hv1", "--spool", spool, "--libvirt-state", work.rundir.path, log.path])
        #expect(first.status == 0, "\(first.stderr)")
        let number = try #require(try FleetSpool.identity(SQLiteDatabase(path: spool, mode: .readOnly))?.spool)
        let before = try Self.differences(spool: spool, fleet: fleet.admin)
        #expect(before == [])
        let shippedRows = try fleet.count("SELECT count(*) FROM svirt_trace.audit_events")
        // A copy of the lost spool turns up later (a backup, the old disk): it must not ship.
        let stale = folder.appendingPathComponent("stale.db").path
        try FileManager.default.copyItem(atPath: spool, toPath: stale)
        for suffix in ["", "-wal", "-shm"] { unlink(spool + suffix) }

        // A new spool is what the operator must not do: it is refused, and says why.
        let fresh = folder.appendingPathComponent("fresh.db").path
        let refused = try Self.ingest(["--db", host, "--node", "hv1", "--spool", fresh, "--libvirt-state", work.rundir.path, log.path])
        #expect(refused.status == 4 && refused.stderr.contains("another spool") && refused.stderr.contains("restore-spool"), "\(refused.stderr)")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events") == shippedRows)

        // It shipped a moment ago: its writer could still be running, and is not assumed gone.
        let early = try Binary.run(["fleet", "restore-spool", "--db", host, "--config", "/dev/null", String(number), "--spool", spool])
        #expect(early.status == 4 && early.stderr.contains("may still be running"), "\(early.stderr)")
        #expect(FileIdentity.of(path: spool) == nil)
        let restore = try Binary.run(["fleet", "restore-spool", "--db", host, "--config", "/dev/null", String(number), "--spool", spool, "--force"])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(restore.stderr.contains("restored into \(spool)"), "\(restore.stderr)")
        #expect(FileIdentity.of(path: spool + ".restoring") == nil, "no partial file is left beside it")
        let unknown = try Binary.run(["fleet", "restore-spool", "--db", host, "--config", "/dev/null", "999999", "--spool", fresh + "x", "--force"])
        #expect(unknown.status == 4 && unknown.stderr.contains("not registered there"), "\(unknown.stderr)")
        let again = try Binary.run(["fleet", "restore-spool", "--db", host, "--config", "/dev/null", String(number), "--spool", spool, "--force"])
        #expect(again.status == 4 && again.stderr.contains("exists"), "a restore never writes over a file: \(again.stderr)")

        // The rest of the log is written; the restored spool reads the whole log again.
        try WatchTests.append(String(text[half...]), to: log)
        let fromStale = try Self.ingest(["--db", host, "--node", "hv1", "--spool", stale, "--libvirt-state", work.rundir.path, log.path])
        #expect(fromStale.status == 4 && fromStale.stderr.contains("restore-spool"), "the copy the restore replaced: \(fromStale.stderr)")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events") == shippedRows)
        let second = try Self.ingest(["--db", host, "--node", "hv1", "--spool", spool, "--libvirt-state", work.rundir.path, log.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        // As one ingest of the whole log into SQLite.
        let plain = folder.appendingPathComponent("plain.db").path
        #expect(try Self.ingest(["--db", plain, "--node", "hv1", "--libvirt-state", work.rundir.path, work.log.path]).status == 0)
        for report in [["denials"], ["stats"], ["cross-guest"]] {
            let fromFleet = try Binary.run(["query"] + report + ["--db", fleet.admin, "--config", "/dev/null", "--format", "jsonl"])
            let fromSQLite = try Binary.run(["query"] + report + ["--db", plain, "--config", "/dev/null", "--format", "jsonl"])
            #expect(fromFleet.status == 0, "\(fromFleet.stderr)")
            #expect(fromFleet.stdout == fromSQLite.stdout, "query \(report[0]) differs between the fleet store and SQLite")
        }
    }

    @Test func aRestoredSpoolDoesNotBringBackWhatRetentionPruned() throws {
        // The restored spool reads the logs again from their start. What retention pruned is
        // no longer held, and was stored again: a guest whose start was pruned and whose stop was
        // not then showed as running, and the next guest on its label as a collision (found by
        // an adversarial helper). A long-running host's spool is pruned: the common case.
        // A central writer's log: its first third from node hv2, which retention prunes to
        // nothing, the rest from hv1. After the restore, a log the spool never read (an older
        // log of hv1 found later) is stored as into any store.
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        var options = Workload.Options(events: 6000, seed: 62, nodes: 1)
        options.interleave = 0
        options.virtPerMille = 200
        let work = try Workload.generate(options)
        let folder = try Fixtures.temporaryFolder("fleet-restore-pruned")
        let text = try String(contentsOf: work.log, encoding: .utf8)
        func cut(_ thirds: Int) -> String.Index { Self.eventBoundary(in: text, past: thirds, of: 3) }
        func onNode(_ node: String, _ part: Substring) -> String {
            part.split(separator: "\n").map { "node=\(node) \($0)\n" }.joined()
        }
        let early = onNode("hv2", text[..<cut(1)]), middle = onNode("hv1", text[cut(1)..<cut(2)]), late = onNode("hv1", text[cut(2)...])
        // Retention's cutoff: the time of the event a third of the way in.
        let third = text[cut(1)...]
        let stamp = try #require(third.range(of: "msg=audit(").map { third[$0.upperBound...].prefix { $0 != "." } })
        let now = "@\(Int64(stamp)! + 86_401)"  // past every hv2 event, whose last is in that second
        func prune(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            try Binary.run(["prune", "--config", "/dev/null", "--older-than", "1d"] + arguments, environment: ["SVIRT_TRACE_NOW": now])
        }
        let state = ["--libvirt-state", work.rundir.path]
        let found = folder.appendingPathComponent("found-later.log")
        // hv1's, older than anything of hv1 the spool holds.
        try onNode("hv1", text[..<cut(1)]).write(to: found, atomically: false, encoding: .utf8)
        // The oracle: an SQLite store that read two thirds, was pruned, read the rest and then
        // the copy found later.
        let plainLog = folder.appendingPathComponent("plain.log"), log = folder.appendingPathComponent("audit.log")
        for file in [plainLog, log] { try (early + middle).write(to: file, atomically: false, encoding: .utf8) }
        let plain = folder.appendingPathComponent("plain.db").path
        #expect(try Self.ingest(["--db", plain] + state + [plainLog.path]).status == 0)
        let prunedPlain = try prune(["--db", plain])
        #expect(prunedPlain.status == 0 && prunedPlain.stderr.contains("deleted"), "\(prunedPlain.stderr)")
        try WatchTests.append(late, to: plainLog)
        #expect(try Self.ingest(["--db", plain] + state + [plainLog.path]).status == 0)
        #expect(try Self.ingest(["--db", plain] + state + [found.path]).status == 0)

        // The host: the same, but its spool is lost after the prune and written back.
        let spool = folder.appendingPathComponent("spool.db").path
        #expect(try Self.ingest(["--db", central, "--spool", spool] + state + [log.path]).status == 0)
        let prunedSpool = try prune(["--db", central, "--spool", spool])
        #expect(prunedSpool.status == 0, "\(prunedSpool.stderr)")
        #expect(try SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*) FROM audit_events WHERE node = 'hv2'") == [[.integer(0)]])
        let number = try #require(try FleetSpool.identity(SQLiteDatabase(path: spool, mode: .readOnly))?.spool)
        for suffix in ["", "-wal", "-shm"] { unlink(spool + suffix) }
        let restore = try Binary.run(["fleet", "restore-spool", "--db", central, "--config", "/dev/null", String(number), "--spool", spool, "--force"])
        #expect(restore.status == 0, "\(restore.stderr)")
        try WatchTests.append(late, to: log)
        let again = try Self.ingest(["--db", central, "--spool", spool] + state + [log.path])
        #expect(again.status == 0, "\(again.stderr)")
        let backfill = try Self.ingest(["--db", central, "--spool", spool] + state + [found.path])
        #expect(backfill.status == 0, "\(backfill.stderr)")
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        for report in [["denials"], ["guests"], ["stats"], ["cross-guest"]] {
            let fromFleet = try Binary.run(["query"] + report + ["--db", fleet.admin, "--config", "/dev/null", "--format", "jsonl"])
            let fromSQLite = try Binary.run(["query"] + report + ["--db", plain, "--config", "/dev/null", "--format", "jsonl"])
            #expect(fromFleet.status == 0, "\(fromFleet.stderr)")
            #expect(fromFleet.stdout == fromSQLite.stdout,
                    "query \(report[0]) differs: fleet \(fromFleet.stdout.split(separator: "\n").count) lines, SQLite \(fromSQLite.stdout.split(separator: "\n").count)")
        }
    }

    @Test func aWatchWhoseSpoolWasRestoredElsewhereStopsShippingAndSaysSo() throws {
        // Two spools of one number (a restore --force while the old host still runs) would each
        // take the other's outbox entries for shipped ones: rows lost without a word. The
        // restore gives the spool a new token, and the old writer is refused at its next batch.
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let host = try fleet.writer("host", nodes: ["hv1"])
        let folder = try Fixtures.temporaryFolder("fleet-restored-elsewhere")
        let sample = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log"), encoding: .utf8)
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
        let log = folder.appendingPathComponent("audit.log")
        try (lines.prefix(lines.count / 2).joined(separator: "\n") + "\n").write(to: log, atomically: false, encoding: .utf8)
        let spool = folder.appendingPathComponent("spool.db").path
        let watch = try WatchTests.Watcher(["--db", host, "--node", "hv1", "--spool", spool, "--config", "/dev/null",
                                            "--follow", log.path], folder: folder)
        #expect(watch.wait(seconds: 30) { ((try? fleet.count("SELECT count(*) FROM svirt_trace.audit_events")) ?? 0) > 0 })
        let number = try #require(try FleetSpool.identity(SQLiteDatabase(path: spool, mode: .readOnly))?.spool)
        let restored = folder.appendingPathComponent("restored.db").path
        let restore = try Binary.run(["fleet", "restore-spool", "--db", host, "--config", "/dev/null", String(number),
                                      "--spool", restored, "--force"])
        #expect(restore.status == 0, "\(restore.stderr)")
        let shipped = try fleet.count("SELECT count(*) FROM svirt_trace.audit_events")
        try WatchTests.append(lines.suffix(from: lines.count / 2).joined(separator: "\n"), to: log)
        #expect(watch.wait(seconds: 30) { watch.said().contains("written back from") }, "watch says why it stops shipping: \(watch.said().suffix(1500))")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events") == shipped, "the old spool shipped nothing more")
        _ = watch.terminate()
    }

    @Test func aKilledIngestShipsEverythingOnceWhenRunAgain() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let work = try Workload.generate(.init(events: 60000, seed: 9, nodes: 2))
        let folder = try Fixtures.temporaryFolder("fleet-kill")
        let spool = folder.appendingPathComponent("spool.db").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["ingest", "--config", "/dev/null", "--no-progress", "--db", central, "--spool", spool,
                             "--batch-events", "200", work.log.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed once some rows reached the fleet store, while more are being stored and shipped.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, (try? fleet.count("SELECT count(*) FROM svirt_trace.audit_events")) ?? 0 < 500 {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(process.isRunning, "the ingest ended before it could be killed: make the log longer")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let resumed = try Self.ingest(["--db", central, "--spool", spool, work.log.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        let plain = folder.appendingPathComponent("plain.db").path
        #expect(try Self.ingest(["--db", plain, work.log.path]).status == 0)
        let expected = try SQLiteDatabase(path: plain, mode: .readOnly).rows("SELECT count(*) FROM denials")[0][0].int64
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.denials") == expected)
    }

    /// A scheduled ingest during an outage of the fleet store: with a spool the fleet store
    /// registered before, the logs are read now (they may be rotated away before the next run)
    /// and their rows wait in the spool, exit status 4; the next run ships them. A new spool is
    /// still refused before a line is read.
    @Test func aScheduledIngestReadsIntoItsSpoolWhileTheFleetStoreIsAway() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let away = central + " host=/nonexistent-svirt-trace-test"
        let work = try Workload.generate(.init(events: 6000, seed: 5, nodes: 1))
        let folder = try Fixtures.temporaryFolder("fleet-away")
        let spool = folder.appendingPathComponent("spool.db").path
        let log = folder.appendingPathComponent("audit.log")
        let text = try String(contentsOf: work.log, encoding: .utf8)
        let half = Self.eventBoundary(in: text, past: 1, of: 2)
        try String(text[..<half]).write(to: log, atomically: false, encoding: .utf8)
        let first = try Self.ingest(["--db", central, "--spool", spool, log.path])
        #expect(first.status == 0, "\(first.stderr)")
        let shippedBefore = try fleet.count("SELECT count(*) FROM svirt_trace.audit_events")

        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text[half...].utf8))
        try handle.close()
        let during = try Self.ingest(["--db", away, "--spool", spool, log.path])
        #expect(during.status == 4, "\(during.stderr)")
        #expect(during.stderr.contains("cannot connect to PostgreSQL") && during.stderr.contains("reading into the spool"), "\(during.stderr)")
        #expect(during.stderr.contains("waits in the spool"), "\(during.stderr)")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events") == shippedBefore)
        let waiting = try SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*) FROM audit_events")[0][0].int64 ?? 0
        #expect(waiting > shippedBefore, "the second half was not read into the spool: \(during.stderr)")

        let back = try Self.ingest(["--db", central, "--spool", spool, log.path])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        let plain = folder.appendingPathComponent("plain.db").path
        #expect(try Self.ingest(["--db", plain, log.path]).status == 0)
        let expected = try SQLiteDatabase(path: plain, mode: .readOnly).rows("SELECT count(*) FROM denials")[0][0].int64
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.denials") == expected)

        let fresh = folder.appendingPathComponent("fresh.db").path
        let refused = try Self.ingest(["--db", away, "--spool", fresh, log.path])
        #expect(refused.status == 4, "\(refused.stderr)")
        #expect(!refused.stderr.contains("reading into the spool") && !refused.stderr.contains("lines from"), "\(refused.stderr)")

        // A login the server refuses is no outage: waiting does not mend it, and the operator
        // learns of it before a line is read, with a registered spool too.
        try Self.append("type=DAEMON_ROTATE msg=audit(1700000000.000:1): op=rotate\n", to: log)
        let stranger = try Self.ingest(["--db", central + " user=no_such_role_\(fleet.suffix)", "--spool", spool, log.path])
        #expect(stranger.status == 4, "\(stranger.stderr)")
        #expect(stranger.stderr.contains("does not exist") && !stranger.stderr.contains("reading into the spool")
                && !stranger.stderr.contains("lines from"), "\(stranger.stderr)")
    }

    /// A Python script run beside the test, which prints the port it listens on first.
    static func python(_ script: String, _ arguments: [String] = []) throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (process, port)
    }

    /// SIGKILL: the test runner's children may inherit SIGTERM ignored, and one left alive holds
    /// the runner's output open.
    static func stop(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private static func append(_ text: String, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// A server that stops answering in the middle of a batch (frozen, or its disk hung: the
    /// kernel still takes the bytes): libpq waits for it without end, and ingest's end with it.
    /// It gives up after the stall limit (shortened here), says why, and what it stored ships
    /// with the next run once the server answers again.
    @Test func anIngestWhoseFleetStoreFreezesMidBatchStopsWaitingAndSaysSo() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let role = "frozen_\(fleet.suffix)"
        fleet.roles.append(role)
        let admin = try PostgresConnection(connection: fleet.admin)
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'frozen-pw' IN ROLE svirt_trace_writer")
        try admin.run("INSERT INTO svirt_trace.writer_nodes VALUES ($1, '*')", [.text(role)])
        let port = fleet.admin.split(separator: " ").first { $0.hasPrefix("port=") }.map { String($0.dropFirst(5)) } ?? "5432"
        let folder = try Fixtures.temporaryFolder("fleet-freeze")
        let flag = folder.appendingPathComponent("frozen").path
        // Forwards bytes to the server until the flag file appears; then swallows them both
        // ways, as a frozen server whose kernel still acknowledges them, and closes the
        // server's side once the client's goes (so that its transaction ends).
        let (proxy, proxyPort) = try Self.python("""
            import os, select, socket, sys, threading
            threading.Timer(180, os._exit, [0]).start()
            listener = socket.socket(); listener.bind(('127.0.0.1', 0)); listener.listen(16)
            print(listener.getsockname()[1], flush=True)
            def pump(client, server):
                while True:
                    ready, _, _ = select.select([client, server], [], [], 0.2)
                    for s in ready:
                        data = s.recv(65536)
                        if not data:
                            client.close(); server.close(); return
                        if not os.path.exists(sys.argv[1]):
                            (server if s is client else client).sendall(data)
            while True:
                client, _ = listener.accept()
                server = socket.create_connection(('127.0.0.1', int(sys.argv[2])))
                threading.Thread(target=pump, args=(client, server), daemon=True).start()
            """, [flag, port])
        defer { Self.stop(proxy) }
        let through = "host=127.0.0.1 port=\(proxyPort) dbname=\(fleet.name) user=\(role) password=frozen-pw sslmode=require"
        let work = try Workload.generate(.init(events: 60000, seed: 9, nodes: 2))
        let spool = folder.appendingPathComponent("spool.db").path
        let ingest = Process()
        ingest.executableURL = URL(fileURLWithPath: Binary.path)
        ingest.arguments = ["ingest", "--config", "/dev/null", "--no-progress", "--db", through, "--spool", spool,
                            "--batch-events", "200", work.log.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SVIRT_TRACE_TEST_FLEET_STALL_SECONDS"] = "3"
        ingest.environment = environment
        let errors = Pipe()
        ingest.standardError = errors
        try ingest.run()
        var deadline = Date().addingTimeInterval(60)
        while ingest.isRunning, Date() < deadline, (try? fleet.count("SELECT count(*) FROM svirt_trace.audit_events")) ?? 0 < 300 {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(ingest.isRunning, "the ingest ended before the server could freeze: make the log longer")
        FileManager.default.createFile(atPath: flag, contents: nil)
        deadline = Date().addingTimeInterval(90)
        while ingest.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let hung = ingest.isRunning
        if hung { kill(ingest.processIdentifier, SIGKILL) }
        ingest.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!hung, "still waiting 90 s after the server froze")
        #expect(ingest.terminationStatus == 4 && stderr.contains("has not answered for 3 s") && stderr.contains("waits in the spool"),
                "\(stderr)")

        try FileManager.default.removeItem(atPath: flag)
        let again = try Self.ingest(["--db", through, "--spool", spool, work.log.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
    }

    /// A server that takes the connection and never answers (frozen, or behind a network that
    /// drops its packets): libpq would wait for good, and a scheduled ingest with it, silent.
    /// It gives up after the default connect_timeout, and says why.
    @Test func aFleetStoreThatNeverAnswersTimesOutInsteadOfHanging() throws {
        let (listener, port) = try Self.python("import socket, sys, time\ns = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(8)\n"
                                               + "print(s.getsockname()[1], flush=True); time.sleep(120)")
        defer { Self.stop(listener) }
        #expect(Int(port) != nil)
        let folder = try Fixtures.temporaryFolder("fleet-silent")
        let ingest = Process()
        ingest.executableURL = URL(fileURLWithPath: Binary.path)
        ingest.arguments = ["ingest", "--config", "/dev/null", "--no-progress", "--db", "host=127.0.0.1 port=\(port) dbname=x user=y sslmode=disable",
                            "--spool", folder.appendingPathComponent("spool.db").path,
                            Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path]
        var environment = ProcessInfo.processInfo.environment
        environment["PGCONNECT_TIMEOUT"] = nil
        environment["PGSERVICE"] = nil
        ingest.environment = environment
        let errors = Pipe()
        ingest.standardError = errors
        let started = Date()
        try ingest.run()
        while ingest.isRunning, Date().timeIntervalSince(started) < 60 { Thread.sleep(forTimeInterval: 0.1) }
        let hung = ingest.isRunning
        if hung { kill(ingest.processIdentifier, SIGKILL) }
        ingest.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!hung, "still waiting after 60 s")
        #expect(ingest.terminationStatus == 4 && stderr.contains("timeout expired"), "\(stderr)")
    }

    /// The bundled sample log's first half written as `log`; returns its lines and where the
    /// second half starts.
    static func writeFirstHalfOfTheSample(to log: URL) throws -> (lines: [Substring], half: Int) {
        let lines = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let half = lines.count / 2
        try (lines[..<half].joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        return (lines, half)
    }

    /// The fleet store away at start, back, away again with the watch SIGKILLed and the log
    /// rotated meanwhile: watch alerts all along, and the fleet store ends with every row once.
    @Test func watchAlertsThroughAnOutageAndTheFleetStoreGetsEverythingOnceItIsBack() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        _ = try fleet.writer("host_a", nodes: ["kvm-a"])
        let socket = try #require(UnixSocketProxy.postgresSocket(of: fleet.admin))
        let proxy = try UnixSocketProxy(target: socket)
        let connection = "host=127.0.0.1 port=\(proxy.port) user=host_a_\(fleet.suffix) dbname=\(fleet.name) sslmode=disable connect_timeout=2"
        let folder = try Fixtures.temporaryFolder("fleet-outage")
        let log = folder.appendingPathComponent("audit.log")
        let spool = folder.appendingPathComponent("spool.db").path
        let (lines, half) = try Self.writeFirstHalfOfTheSample(to: log)
        let arguments = ["--db", connection, "--spool", spool, "--node", "kvm-a", "--config", "/dev/null",
                         "--libvirt-state", Fixtures.repositoryRoot.appendingPathComponent("tools/sample/run").path, "--follow", log.path]
        func spoolDenials() -> Int64 {
            (try? SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*) FROM denials").first?.first?.int64) ?? -1
        }

        proxy.cut()
        let first = try WatchTests.Watcher(arguments, folder: folder)
        #expect(first.wait(seconds: 30) { first.said().contains("cannot ship to the fleet store") }, "\(first.said())")
        #expect(first.wait(seconds: 30) { spoolDenials() > 0 && first.alertLines().count > 0 }, "alerts while the fleet store is away")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events") == 0)

        try proxy.restore()
        #expect(first.wait(seconds: 60) { (try? fleet.count("SELECT count(*) FROM svirt_trace.denials")) == spoolDenials() },
                "shipped once back: \(first.said())")
        // Said after the batch that resumed commits: the rows can be seen before the line.
        #expect(first.wait(seconds: 10) { first.said().contains("shipping to the fleet store resumed") }, "\(first.said())")

        // Away again; watch is killed, and the log rotates while it is stopped.
        proxy.cut()
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        try FileManager.default.moveItem(at: log, to: folder.appendingPathComponent("audit.log.1"))
        try WatchTests.append(lines[half...].joined(separator: "\n"), to: folder.appendingPathComponent("audit.log.1"))
        try "".write(to: log, atomically: true, encoding: .utf8)
        let second = try WatchTests.Watcher(arguments, folder: folder)
        #expect(second.wait(seconds: 30) { spoolDenials() == 76 }, "caught up through the rotation: \(second.said())")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.denials") < 76)
        try proxy.restore()
        #expect(second.wait(seconds: 60) { (try? fleet.count("SELECT count(*) FROM svirt_trace.denials")) == 76 }, "\(second.said())")
        #expect(second.terminate() == 0)
        // What the shutdown itself changed (its alert windows' follow-ups) is shipped before it exits.
        let left = try Self.differences(spool: spool, fleet: fleet.admin)
        #expect(left == [], "\(left)")
        let alerts = first.alertLines().count + second.alertLines().count
        #expect(alerts == Int(try fleet.count("SELECT count(*) FROM svirt_trace.alerts")), "every alert printed once, and stored: \(first.alertLines().count) + \(second.alertLines().count)")
    }

    /// A fleet store that takes watch's batch and answers nothing (here: another session holds
    /// every table) held the shipping thread for good under libpq. After
    /// $SVIRT_TRACE_FLEET_TIMEOUT seconds of silence the batch is given up and retried as after
    /// an outage; watch alerts meanwhile, and once answered the store gets every row once.
    @Test func watchGivesUpABatchTheFleetStoreDoesNotAnswerAndShipsItLater() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let host = try fleet.writer("host_l", nodes: ["kvm-l"])
        let folder = try Fixtures.temporaryFolder("fleet-silent")
        let log = folder.appendingPathComponent("audit.log")
        let spool = folder.appendingPathComponent("spool.db").path
        let (lines, half) = try Self.writeFirstHalfOfTheSample(to: log)
        func spoolDenials() -> Int64 {
            (try? SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*) FROM denials").first?.first?.int64) ?? -1
        }
        let watch = try WatchTests.Watcher(["--db", host, "--spool", spool, "--node", "kvm-l", "--config", "/dev/null",
                                            "--libvirt-state", Fixtures.repositoryRoot.appendingPathComponent("tools/sample/run").path,
                                            "--follow", log.path], folder: folder, environment: ["SVIRT_TRACE_FLEET_TIMEOUT": "2"])
        #expect(watch.wait(seconds: 30) { spoolDenials() > 0 && (try? fleet.count("SELECT count(*) FROM svirt_trace.denials")) == spoolDenials() },
                "\(watch.said())")
        let alertsBefore = watch.alertLines().count
        let admin = try PostgresConnection(connection: fleet.admin)
        try admin.execute("""
            BEGIN; DO $$ DECLARE t record; BEGIN
              FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'svirt_trace' LOOP
                EXECUTE format('LOCK TABLE svirt_trace.%I IN ACCESS EXCLUSIVE MODE', t.tablename);
              END LOOP; END $$
            """)
        try WatchTests.append(lines[half...].joined(separator: "\n"), to: log)
        #expect(watch.wait(seconds: 30) { watch.said().contains("no answer from the server for 2 s") }, "\(watch.said())")
        #expect(watch.wait(seconds: 30) { watch.alertLines().count > alertsBefore }, "alerts while the fleet store is silent")
        // Each give-up and retry opened a connection whose backend kept waiting on the lock
        // after the client left: 2, 3, 4, 4, 5, 5 of them over 30 s, one more per retry, until
        // the server's slots ran out. The server now checks that its client is still there.
        var backends: [Int64] = []
        for _ in 0..<6 {
            Thread.sleep(forTimeInterval: 5)
            backends.append(try fleet.count("SELECT count(*) FROM pg_stat_activity WHERE usename = 'host_l_\(fleet.suffix)'"))
        }
        #expect((backends.last ?? 99) <= 3, "the writer's backends, every 5 s: \(backends)")
        try admin.execute("ROLLBACK")
        #expect(watch.wait(seconds: 60) { (try? fleet.count("SELECT count(*) FROM svirt_trace.denials")) == spoolDenials() && spoolDenials() == 76 },
                "shipped once answered: \(watch.said())")
        #expect(watch.terminate() == 0)
        let left = try Self.differences(spool: spool, fleet: fleet.admin)
        #expect(left == [], "\(left)")
    }

    /// A fleet store that stops reading in the middle of a batch (frozen, or a network gone
    /// silent once the socket's buffer is full) held the shipping thread in libpq's blocking
    /// write for good: ingest's end waited a minute for it, and a watch never shipped again.
    /// Such a batch is now given up after $SVIRT_TRACE_FLEET_TIMEOUT seconds like any silence;
    /// ingest says where its rows wait, and the next run ships every one of them once.
    /// A writer of every node whose fleet store is behind a proxy that freezes each connection
    /// once its client sent 256 KiB (past the connection's start and the spool's registration,
    /// inside the first batch's COPY), and a denial-dense log to ship.
    struct FrozenFleet {
        var fleet: Fleet
        let writer: String
        let work: Workload
        let folder: URL
        let spool: String
        let proxy: UnixSocketProxy

        init(label: String, seed: Int, port: UInt16) throws {
            fleet = try Fleet()
            writer = try fleet.writer("host_\(label)", nodes: ["*"])
            var options = Workload.Options(events: 8000, seed: seed, nodes: 2)
            options.virtPerMille = 1000
            work = try Workload.generate(options)
            folder = try Fixtures.temporaryFolder("fleet-\(label)")
            spool = folder.appendingPathComponent("spool.db").path
            let socket = try #require(UnixSocketProxy.postgresSocket(of: fleet.admin))
            proxy = try UnixSocketProxy(target: socket, listeningIn: folder.path, port: port)
            proxy.freeze(afterClientBytes: 256 << 10)
        }

        func tearDown() {
            proxy.cut()
            fleet.tearDown()
        }

        func spoolDenials() -> Int64 {
            (try? SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*) FROM denials").first?.first?.int64) ?? -1
        }
    }

    @Test func anIngestWhoseFleetStoreStopsReadingGivesUpAndTheNextRunShipsEverything() throws {
        let setUp = try FrozenFleet(label: "frozen", seed: 5, port: 5998)
        defer { setUp.tearDown() }
        let (fleet, central, work, spool, proxy) = (setUp.fleet, setUp.writer, setUp.work, setUp.spool, setUp.proxy)
        let frozen = proxy.connection(from: central)
        let arguments = ["ingest", "--config", "/dev/null", "--no-progress", "--spool", spool, "--libvirt-state", work.rundir.path, work.log.path]
        let started = Date()
        let stuck = try Binary.run(arguments + ["--db", frozen], environment: ["SVIRT_TRACE_FLEET_TIMEOUT": "2"])
        let waited = Date().timeIntervalSince(started)
        #expect(stuck.status == 4, "\(stuck.stderr)")
        #expect(stuck.stderr.contains("no answer from the server for 2 s"), "\(stuck.stderr)")
        #expect(stuck.stderr.contains("waits in the spool \(spool)"), "\(stuck.stderr)")
        #expect(waited < 40, "\(waited) s")
        let stored = setUp.spoolDenials()
        #expect(stored > 3_000)
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.denials") < stored)

        proxy.cut()
        let shipped = try Binary.run(arguments + ["--db", central])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.denials") == stored)
    }

    /// A network that went silent in the middle of a batch and came back: the batch's session
    /// lives on at the server (waiting for the rest of its COPY, its spool's row locked) until the
    /// server's TCP keepalive gives up on it, two hours later by default, and every retry waited
    /// on that lock and gave up in turn. The next connection ends the session it left behind, and
    /// the spool ships at once.
    @Test func watchEndsTheSessionItGaveUpOnSoThatItsSpoolShipsWhenTheNetworkIsBack() throws {
        let setUp = try FrozenFleet(label: "partition", seed: 9, port: 5997)
        defer { setUp.tearDown() }
        let (fleet, host, work, folder, spool, proxy) = (setUp.fleet, setUp.writer, setUp.work, setUp.folder, setUp.spool, setUp.proxy)
        let spoolDenials = setUp.spoolDenials
        let watch = try WatchTests.Watcher(["--db", proxy.connection(from: host), "--spool", spool, "--config", "/dev/null",
                                            "--libvirt-state", work.rundir.path, "--follow", work.log.path],
                                           folder: folder, environment: ["SVIRT_TRACE_FLEET_TIMEOUT": "2"])
        #expect(watch.wait(seconds: 60) { watch.said().contains("no answer from the server for 2 s") }, "\(watch.said())")
        proxy.thawNewConnections()
        #expect(watch.wait(seconds: 30) { spoolDenials() > 3_000 && (try? fleet.count("SELECT count(*) FROM svirt_trace.denials")) == spoolDenials() },
                "shipped once the network was back: \(watch.said())")
        #expect(watch.said().contains("ended 1 session of the fleet store this process had given up on"), "\(watch.said())")
        #expect(watch.terminate() == 0)
        let left = try Self.differences(spool: spool, fleet: fleet.admin)
        #expect(left == [], "\(left)")
    }

    /// A late event that moves its run's first time earlier (the run's month key) replaces the
    /// run's row in the fleet store instead of adding a second one.
    @Test func aRunWhoseFirstTimeMovesEarlierStaysOneRow() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let folder = try Fixtures.temporaryFolder("fleet-first-ms")
        let log = folder.appendingPathComponent("audit.log")
        let sample = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log"), encoding: .utf8)
        try sample.write(to: log, atomically: true, encoding: .utf8)
        let spool = folder.appendingPathComponent("spool.db").path
        #expect(try Self.ingest(["--db", central, "--spool", spool, log.path]).status == 0)
        // The log grows by a repeat of its first denial, stamped a second before it.
        let first = try #require(sample.split(separator: "\n").first { $0.hasPrefix("type=AVC msg=audit(1764042445.113:819)") })
        try WatchTests.append(first.replacingOccurrences(of: "audit(1764042445.113:819)", with: "audit(1764042444.113:99999)") + "\n", to: log)
        let grown = try Self.ingest(["--db", central, "--spool", spool, log.path])
        #expect(grown.status == 0, "\(grown.stderr)")
        let local = try SQLiteDatabase(path: spool, mode: .readOnly)
        #expect(try local.rows("SELECT count(*) FROM denial_runs WHERE first_ms = 1764042444113") == [[.integer(1)]],
                "the late event moved its run's first time (else this test tests nothing)")
        #expect(try Self.differences(spool: spool, fleet: fleet.admin) == [])
    }

    /// A spool is its database's: not taken by another fleet store that has a spool of the same
    /// number and node, nor as an older copy of itself, nor for another node; a store that is
    /// not a spool is not taken as one.
    @Test func aSpoolIsRefusedWhereItsRowsWouldBeLostOrMixed() throws {
        var one = try Fleet(), two = try Fleet()
        defer { one.tearDown(); two.tearDown() }
        let centralOne = try one.writer("central", nodes: ["*"]), centralTwo = try two.writer("central", nodes: ["*"])
        let folder = try Fixtures.temporaryFolder("fleet-spool-identity")
        let sample = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path
        let spool = folder.appendingPathComponent("spool.db").path
        #expect(try Self.ingest(["--db", centralOne, "--spool", spool, sample]).status == 0)
        // Database two has a spool #1 for * too.
        #expect(try Self.ingest(["--db", centralTwo, "--spool", folder.appendingPathComponent("other.db").path, sample]).status == 0)
        let mixed = try Self.ingest(["--db", centralTwo, "--spool", spool, sample])
        #expect(mixed.status == 4)
        #expect(mixed.stderr.contains("is not registered in"), "\(mixed.stderr)")

        // An older copy of the spool (a backup restored) would take its new entries for shipped ones.
        let copy = folder.appendingPathComponent("copy.db").path
        try FileManager.default.copyItem(atPath: spool, toPath: copy)
        let log = folder.appendingPathComponent("more.log")
        let lines = try String(contentsOfFile: sample, encoding: .utf8)
        try (lines + "node=kvm-z " + lines.split(separator: "\n").joined(separator: "\nnode=kvm-z ") + "\n")
            .write(to: log, atomically: true, encoding: .utf8)
        #expect(try Self.ingest(["--db", centralOne, "--spool", spool, log.path]).status == 0)
        let behind = try Self.ingest(["--db", centralOne, "--spool", copy, log.path])
        #expect(behind.status == 4)
        #expect(behind.stderr.contains("older copy of the spool"), "\(behind.stderr)")
        #expect(behind.stderr.contains("fleet restore-spool"), "\(behind.stderr)")

        // Another node's writer, watch included, is refused the spool before it reads a line.
        let watch = try Binary.run(["watch", "--config", "/dev/null", "--db", centralOne, "--spool", spool, "--node", "kvm-q", "--stdin"],
                                   stdin: Data())
        #expect(watch.status == 4)
        #expect(watch.stderr.contains("feeds the fleet store for node * (a central writer), not 'kvm-q'"), "\(watch.stderr)")
        // A store with rows that is not a spool, --node '*', and --spool without the fleet store.
        let plain = folder.appendingPathComponent("plain.db").path
        #expect(try Self.ingest(["--db", plain, sample]).status == 0)
        let notSpool = try Self.ingest(["--db", centralOne, "--spool", plain, sample])
        #expect(notSpool.status == 4 && notSpool.stderr.contains("is not a spool"), "\(notSpool.stderr)")
        let star = try Self.ingest(["--db", centralOne, "--spool", folder.appendingPathComponent("star.db").path, "--node", "*", sample])
        #expect(star.status == 2 && star.stderr.contains("is not a node name"), "\(star.stderr)")
        let stray = try Self.ingest(["--db", plain, "--spool", spool, sample])
        #expect(stray.status == 2 && stray.stderr.contains("--spool is for a PostgreSQL --db"), "\(stray.stderr)")
    }
}
