import Foundation
import Testing
import Native
import TestSupport

/// Retention of the fleet store through the binary: a host prunes its spool (`prune`, `watch
/// --retain`), the deletions are shipped, and the fleet store answers as the SQLite store pruned
/// the same way; months left empty lose their partitions.
@Suite struct FleetRetentionTests {
    typealias Fleet = FleetWriterTests.Fleet

    /// Two months of history: a workload moved back 62 days (September 2025) and another one as
    /// generated (late November 2025). The cutoff, 2025-11-01, falls between them.
    struct History {
        let folder: URL
        let old: String
        let new: String
        /// A central writer's spool in the folder.
        let spool: String
        /// tools/sample (one node, no node= prefix), and a copy of it moved to September.
        let sample = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path
        let sampleInSeptember: String
        /// $SVIRT_TRACE_NOW for `--older-than 10d`: 2025-11-11, so the cutoff is 2025-11-01.
        static let now = "@1762819200"
        static let cutoffMilliseconds: Int64 = 1_761_955_200_000

        init() throws {
            folder = try Fixtures.temporaryFolder("fleet-retention")
            var first = Workload.Options(events: 4000, seed: 41, nodes: 2, enriched: false)
            first.virtPerMille = 300
            var second = Workload.Options(events: 4000, seed: 42, nodes: 2, enriched: false)
            second.virtPerMille = 300
            let a = try Workload.generate(first), b = try Workload.generate(second)
            old = folder.appendingPathComponent("september.log").path
            try Self.shifted(Data(contentsOf: a.log), bySeconds: -62 * 86_400).write(to: URL(fileURLWithPath: old))
            new = b.log.path
            spool = folder.appendingPathComponent("spool.db").path
            sampleInSeptember = folder.appendingPathComponent("sample-september.log").path
            try Self.shifted(Data(contentsOf: URL(fileURLWithPath: sample)), bySeconds: -62 * 86_400)
                .write(to: URL(fileURLWithPath: sampleInSeptember))
        }

        /// The log with every record's time (`audit(SECONDS.`) moved; nothing else changes.
        static func shifted(_ data: Data, bySeconds shift: Int64) -> Data {
            let bytes = [UInt8](data), marker = Array("audit(".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == marker[0], i + marker.count < bytes.count, Array(bytes[i..<i + marker.count]) == marker {
                    out += marker
                    var j = i + marker.count, seconds: Int64 = 0
                    while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57, j - i < 20 {
                        seconds = seconds * 10 + Int64(bytes[j] - 48)
                        j += 1
                    }
                    if j > i + marker.count, j < bytes.count, bytes[j] == UInt8(ascii: ".") {
                        out += Array(String(seconds + shift).utf8)
                    } else {
                        out += bytes[(i + marker.count)..<j]
                    }
                    i = j
                    continue
                }
                out.append(bytes[i])
                i += 1
            }
            return Data(out)
        }
    }

    /// Two hosts' writer roles (hv-a, hv-b), each with its spool in the history's folder.
    struct TwoHosts {
        let a: String, b: String, spoolA: String, spoolB: String

        init(_ fleet: inout Fleet, _ history: History) throws {
            a = try fleet.writer("hv_a", nodes: ["hv-a"])
            b = try fleet.writer("hv_b", nodes: ["hv-b"])
            spoolA = history.folder.appendingPathComponent("a.db").path
            spoolB = history.folder.appendingPathComponent("b.db").path
        }
    }

    static func partitions(_ fleet: Fleet, month: String) throws -> Int64 {
        try fleet.count("""
            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'svirt_trace' AND c.relname IN ('audit_events_\(month)', 'denial_runs_\(month)', 'evidence_blocks_\(month)')
            """)
    }

    /// "N audit events (...), ... settled alerts" of prune's summary line, without the evidence
    /// blocks: a block is what one commit stored, and ingest commits after a second as well as
    /// after so many events, so two ingests of one log on a loaded machine can cut them apart.
    static func counts(_ stderr: String) -> String? {
        guard let line = stderr.split(separator: "\n").first(where: { $0.contains("deleted what is older than") }),
              let events = line.range(of: " audit events"),
              let colon = line[..<events.lowerBound].range(of: ": ", options: .backwards) else { return nil }
        let rest = line[colon.upperBound...]
        let counts = String(rest[..<(rest.range(of: ", in ")?.lowerBound ?? rest.endIndex)])
        return counts.split(separator: ", ").filter { !$0.hasSuffix(" evidence blocks") && !$0.hasSuffix(" evidence block") }
            .joined(separator: ", ")
    }

    static func prune(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(["prune", "--config", "/dev/null"] + arguments, environment: ["SVIRT_TRACE_NOW": History.now])
    }

    @Test func aPrunedSpoolIsShippedAndTheFleetAnswersAsThePrunedSQLiteStore() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let reader = try FleetReaderTests.reader(&fleet)
        let history = try History()
        let plain = history.folder.appendingPathComponent("plain.db").path
        let spool = history.spool
        try FleetReaderTests.ingest(["--db", central, "--spool", spool, history.old, history.new])
        try FleetReaderTests.ingest(["--db", plain, history.old, history.new])
        let cutoff = History.cutoffMilliseconds
        let oldEvents = try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE time_ms < \(cutoff)")
        #expect(oldEvents > 1000, "the September log should be in the fleet store before the prune")
        #expect(try Self.partitions(fleet, month: "2025_09") == 3)

        // A dry run deletes and ships nothing.
        let dry = try Self.prune(["--db", central, "--spool", spool, "--older-than", "10d", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("would delete"), "\(dry.stderr)")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE time_ms < \(cutoff)") == oldEvents)

        let sqlite = try Self.prune(["--db", plain, "--older-than", "10d", "--chunk", "500"])
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        let pruned = try Self.prune(["--db", central, "--spool", spool, "--older-than", "10d", "--chunk", "500"])
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(pruned.stderr.contains("in the spool \(spool)") && pruned.stderr.contains("shipped"), "\(pruned.stderr)")
        // Both stores deleted the same events.
        #expect(Self.counts(sqlite.stderr) != nil && Self.counts(sqlite.stderr) == Self.counts(pruned.stderr),
                "\(sqlite.stderr) / \(pruned.stderr)")
        #expect(pruned.stderr.contains("dropped 2 emptied months"), "September and October: \(pruned.stderr)")
        #expect(try Self.partitions(fleet, month: "2025_09") == 0 && Self.partitions(fleet, month: "2025_10") == 0)
        #expect(try Self.partitions(fleet, month: "2025_11") == 3, "November holds the kept events")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE time_ms < \(cutoff)") == 0)
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.denial_runs WHERE first_ms < \(cutoff)") == 0)
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events") > 1000)

        // The fleet store holds what the spool holds, row for row, and answers as the SQLite
        // store pruned alike, in every report and format.
        let mirrored = try FleetWriterTests.differences(spool: spool, fleet: fleet.admin)
        #expect(mirrored.isEmpty, "\(mirrored.prefix(10).joined(separator: "\n"))")
        let found = try FleetReaderTests.differences(sqlite: plain, fleet: reader, period: "2025-09-01..2025-12-31")
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")

        // Again: nothing more to delete, nothing to drop.
        let again = try Self.prune(["--db", central, "--spool", spool, "--older-than", "10d"])
        #expect(again.status == 0 && again.stderr.contains(" 0 audit events") && again.stderr.contains("dropped 0 emptied months"),
                "\(again.stderr)")
    }

    /// A month that still holds another node's rows keeps its partitions; a month made empty by
    /// one host is dropped only when no node's rows are left in it.
    @Test func aMonthAnotherNodeStillHoldsIsKept() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let history = try History()
        let hosts = try TwoHosts(&fleet, history)
        let (a, b, spoolA, spoolB) = (hosts.a, hosts.b, hosts.spoolA, hosts.spoolB)
        // Without node= prefixes: each log is its host's own.
        let (sample, moved) = (history.sample, history.sampleInSeptember)
        try FleetReaderTests.ingest(["--db", a, "--spool", spoolA, "--node", "hv-a", moved, sample])
        try FleetReaderTests.ingest(["--db", b, "--spool", spoolB, "--node", "hv-b", moved])
        // October never held a row (ensure_month makes a month ahead): it goes at once.
        // --spool alone: the spool says which node it is.
        let first = try Self.prune(["--db", a, "--spool", spoolA, "--older-than", "10d"])
        #expect(first.status == 0 && first.stderr.contains("dropped 1 emptied month "), "hv-b's September rows remain: \(first.stderr)")
        #expect(try Self.partitions(fleet, month: "2025_10") == 0)
        #expect(try Self.partitions(fleet, month: "2025_09") == 3)
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE node = 'hv-a' AND time_ms < \(History.cutoffMilliseconds)") == 0)
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE node = 'hv-b'") > 0)
        // A writer deletes only its own node's history, however it is asked.
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE node = 'hv-a'") > 0)
        // hv-a's role on hv-b's spool: refused before anything is deleted, with the cause (the
        // policies hide hv-b's spool from it), not "a spool of another store".
        let oldOfB = "SELECT count(*) FROM audit_events WHERE time_ms < \(History.cutoffMilliseconds)"
        let keptB = try SQLiteDatabase(path: spoolB, mode: .readOnly).rows(oldOfB)[0][0].int64 ?? 0
        #expect(keptB > 0)
        let wrongRole = try Self.prune(["--db", a, "--spool", spoolB, "--node", "hv-b", "--older-than", "10d"])
        #expect(wrongRole.status == 4 && wrongRole.stderr.contains("was not granted") && wrongRole.stderr.contains("nothing was pruned"),
                "\(wrongRole.stderr)")
        // A reader, and another writer of hv-b that did not register the spool (the policies
        // would refuse its shipments), are refused before anything is deleted too.
        let reader = try FleetReaderTests.reader(&fleet)
        let otherWriter = try fleet.writer("hv_b2", nodes: ["hv-b"])
        for role in [reader, otherWriter] {
            let refused = try Self.prune(["--db", role, "--spool", spoolB, "--older-than", "10d"])
            #expect(refused.status == 4 && refused.stderr.contains("only that role ships it") && refused.stderr.contains("nothing was pruned"),
                    "\(refused.stderr)")
        }
        #expect(try SQLiteDatabase(path: spoolB, mode: .readOnly).rows(oldOfB)[0][0].int64 == keptB)
        let second = try Self.prune(["--db", b, "--spool", spoolB, "--node", "hv-b", "--older-than", "10d"])
        #expect(second.status == 0 && second.stderr.contains("dropped 1 emptied month "), "\(second.stderr)")
        #expect(try Self.partitions(fleet, month: "2025_09") == 0)
    }

    /// The fleet store away: the spool is pruned all the same, the deletions wait in it (exit 4),
    /// and the next prune ships them. Mistakes are clear errors.
    @Test func deletionsWaitInTheSpoolWhileTheFleetStoreIsAway() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let history = try History()
        let spool = history.spool
        try FleetReaderTests.ingest(["--db", central, "--spool", spool, history.old, history.new])
        let away = "postgresql://u:sekrit-42@127.0.0.1:1/d?connect_timeout=2"
        let failed = try Self.prune(["--db", away, "--spool", spool, "--older-than", "10d"])
        #expect(failed.status == 4, "\(failed.stderr)")
        #expect(failed.stderr.contains("deleted what is older than") && failed.stderr.contains("wait in it"), "\(failed.stderr)")
        #expect(!failed.stderr.contains("sekrit-42"))
        let local = try SQLiteDatabase(path: spool, mode: .readOnly)
        #expect(try local.rows("SELECT count(*) FROM audit_events WHERE time_ms < ?", [.integer(History.cutoffMilliseconds)])[0][0].int64 == 0)
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE time_ms < \(History.cutoffMilliseconds)") > 0,
                "nothing reached the fleet store yet")
        let later = try Self.prune(["--db", central, "--spool", spool, "--older-than", "10d"])
        #expect(later.status == 0 && later.stderr.contains("dropped 2 emptied months"), "\(later.stderr)")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE time_ms < \(History.cutoffMilliseconds)") == 0)
        let mirrored = try FleetWriterTests.differences(spool: spool, fleet: fleet.admin)
        #expect(mirrored.isEmpty, "\(mirrored.prefix(10).joined(separator: "\n"))")

        let missing = try Self.prune(["--db", central, "--spool", history.folder.appendingPathComponent("nope.db").path, "--older-than", "10d"])
        #expect(missing.status == 4 && missing.stderr.contains("no such spool"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: history.folder.appendingPathComponent("nope.db").path))
        let plain = history.folder.appendingPathComponent("plain.db").path
        try FleetReaderTests.ingest(["--db", plain, history.new])
        let notSpool = try Self.prune(["--db", central, "--spool", plain, "--older-than", "10d"])
        #expect(notSpool.status == 4 && notSpool.stderr.contains("is not a spool"), "\(notSpool.stderr)")
        let stray = try Self.prune(["--db", plain, "--node", "hv-a", "--older-than", "10d"])
        #expect(stray.status == 2 && stray.stderr.contains("--node is for a PostgreSQL --db"), "\(stray.stderr)")
    }

    /// A central writer's spool whose tables a prune emptied: SQLite gives the freed ids again,
    /// to rows of whichever node comes next, and the outbox notes the new row over the deletion.
    /// The fleet store must end up with the new row only, not beside the old one of another node.
    @Test func anIdGivenAgainToAnotherNodesRowReplacesTheOldRow() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let history = try History()
        let spool = history.spool
        try FleetReaderTests.ingest(["--db", central, "--spool", spool, history.old])
        // Everything goes: the tables are empty, and their ids free again; the deletions wait in
        // the spool.
        let emptied = try Self.prune(["--db", spool, "--older-than", "10d"])
        #expect(emptied.status == 0 && emptied.stderr.contains("next ingest, watch or prune"), "\(emptied.stderr)")
        #expect(try SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*) FROM audit_events")[0][0].int64 == 0)
        // The new log into the spool as an SQLite store: its rows are noted over the deletions
        // before anything ships (a watch's shipping thread may be that late).
        try FleetReaderTests.ingest(["--db", spool, history.new])
        let local = try SQLiteDatabase(path: spool, mode: .readOnly)
        #expect(try local.rows("SELECT node FROM events WHERE id = 1").first?.first?.string == "hv01",
                "the new log's first lifecycle event takes the freed id 1 (the September log's was hv02's)")
        let shipped = try Self.prune(["--db", central, "--spool", spool, "--older-than", "10d"])
        #expect(shipped.status == 0 && shipped.stderr.contains("shipped"), "\(shipped.stderr)")
        let mirrored = try FleetWriterTests.differences(spool: spool, fleet: fleet.admin)
        #expect(mirrored.isEmpty, "\(mirrored.prefix(10).joined(separator: "\n"))")
    }

    /// A host gone for good: the owner forgets its spool, and with it everything it shipped; the
    /// other hosts' rows stay, and the gone host's writer, should it come back, is refused.
    @Test func aHostGoneForGoodIsForgottenByItsSpoolNumber() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let history = try History()
        let hosts = try TwoHosts(&fleet, history)
        let (a, b, spoolA, spoolB) = (hosts.a, hosts.b, hosts.spoolA, hosts.spoolB)
        let (sample, moved) = (history.sample, history.sampleInSeptember)
        try FleetReaderTests.ingest(["--db", a, "--spool", spoolA, "--node", "hv-a", moved])
        try FleetReaderTests.ingest(["--db", b, "--spool", spoolB, "--node", "hv-b", sample])
        let status = try Binary.run(["fleet", "status", "--config", "/dev/null", "--db", fleet.admin])
        #expect(status.status == 0 && status.stdout.contains("#1: node hv-a, host ") && status.stdout.contains("#2: node hv-b"),
                "\(status.stdout)")
        let before = try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE spool = 1")
        #expect(before > 0)

        let dry = try Binary.run(["fleet", "forget-spool", "--config", "/dev/null", "--db", fleet.admin, "1", "--dry-run"])
        #expect(dry.status == 0 && dry.stderr.contains("would delete") && dry.stderr.contains("audit_events \(before)"), "\(dry.stderr)")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE spool = 1") == before)
        // Not a writer's to do, not even for its own spool.
        let refused = try Binary.run(["fleet", "forget-spool", "--config", "/dev/null", "--db", a, "1"])
        #expect(refused.status == 4 && refused.stderr.contains("schema's owner"), "\(refused.stderr)")
        let unknown = try Binary.run(["fleet", "forget-spool", "--config", "/dev/null", "--db", fleet.admin, "99"])
        #expect(unknown.status == 4 && unknown.stderr.contains("no spool #99"), "\(unknown.stderr)")

        let forgot = try Binary.run(["fleet", "forget-spool", "--config", "/dev/null", "--db", fleet.admin, "1"])
        // September and October held hv-a's rows only; December 2025, made ahead of hv-b's
        // November, never held any and is over.
        #expect(forgot.status == 0 && forgot.stderr.contains("deleted") && forgot.stderr.contains("dropped 3 emptied months"),
                "\(forgot.stderr)")
        #expect(try Self.partitions(fleet, month: "2025_09") == 0 && Self.partitions(fleet, month: "2025_11") == 3)
        var left: [String] = []
        for table in ["audit_events", "denial_runs", "strings", "guests", "leases", "events", "pair_totals", "daily_totals",
                      "node_activity", "sources", "spools"] {
            let column = table == "spools" ? "id" : "spool"
            if try fleet.count("SELECT count(*) FROM svirt_trace.\(table) WHERE \(column) = 1") != 0 { left.append(table) }
        }
        #expect(left.isEmpty, "rows of spool 1 left in \(left)")
        let mirrored = try FleetWriterTests.differences(spool: spoolB, fleet: fleet.admin)
        #expect(mirrored.isEmpty, "\(mirrored.prefix(10).joined(separator: "\n"))")
        let back = try FleetReaderTests.run(["ingest", "--config", "/dev/null", "--no-progress", "--spool", spoolA, "--node", "hv-a", sample], db: a)
        #expect(back.status == 4 && back.stderr.contains("is not registered"), "\(back.stderr)")
    }

    /// A spool forgotten while its watch is shipping: the watch says its spool is not registered
    /// (retrying, as for any refusal), goes on alerting, and stops on SIGTERM. It once looped
    /// on the missing row without end, growing by hundreds of MB a minute and deaf to SIGTERM.
    @Test func aSpoolForgottenUnderItsWatchIsRefusedNotLoopedOn() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let history = try History()
        let hosts = try TwoHosts(&fleet, history)
        let log = history.folder.appendingPathComponent("audit.log")
        try FileManager.default.copyItem(atPath: history.sample, toPath: log.path)
        let watch = Process()
        watch.executableURL = URL(fileURLWithPath: Binary.path)
        watch.arguments = ["watch", "--config", "/dev/null", "--db", hosts.a, "--spool", hosts.spoolA, "--node", "hv-a",
                           "--follow", log.path]
        watch.standardOutput = FileHandle.nullDevice
        let errors = history.folder.appendingPathComponent("watch.err")
        try Data().write(to: errors)
        watch.standardError = try FileHandle(forWritingTo: errors)
        try watch.run()
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL); watch.waitUntilExit() } }
        func shipped() -> Bool { ((try? fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE spool = 1")) ?? 0) > 0 }
        var deadline = Date().addingTimeInterval(30)
        while !shipped() && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(shipped(), "the watch shipped nothing")
        let forgot = try Binary.run(["fleet", "forget-spool", "--config", "/dev/null", "--db", fleet.admin, "1"])
        #expect(forgot.status == 0, "\(forgot.stderr)")
        // Something new to ship: the sample again, as later lines of the log.
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        handle.write(try Data(contentsOf: URL(fileURLWithPath: history.sampleInSeptember)))
        try handle.close()
        func refused() -> Bool { (try? String(contentsOf: errors, encoding: .utf8))?.contains("is not registered") == true }
        deadline = Date().addingTimeInterval(30)
        while !refused() && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(refused(), "\((try? String(contentsOf: errors, encoding: .utf8)) ?? "")")
        #expect(try fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE spool = 1") == 0, "nothing of the spool comes back")
        watch.terminate()
        deadline = Date().addingTimeInterval(20)
        while watch.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!watch.isRunning, "SIGTERM did not stop the watch")
    }

    /// `watch --retain` on the fleet store prunes the spool beside storing, ships the deletions
    /// and drops the emptied months.
    @Test func watchWithRetainPrunesTheSpoolAndTheFleetFollows() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let history = try History()
        // September is in the fleet store before watch starts (pruned before it was shipped,
        // it would never reach it).
        let spool = history.spool
        try FleetReaderTests.ingest(["--db", central, "--spool", spool, history.old])
        #expect(try Self.partitions(fleet, month: "2025_09") == 3)
        let log = history.folder.appendingPathComponent("audit.log")
        try FileManager.default.copyItem(atPath: history.new, toPath: log.path)
        let watch = Process()
        watch.executableURL = URL(fileURLWithPath: Binary.path)
        watch.arguments = ["watch", "--config", "/dev/null", "--db", central, "--spool", spool, "--follow", log.path,
                           "--retain", "10d"]
        var environment = ProcessInfo.processInfo.environment
        environment["SVIRT_TRACE_NOW"] = History.now
        watch.environment = environment
        watch.standardOutput = FileHandle.nullDevice
        let errors = history.folder.appendingPathComponent("watch.err")
        try Data().write(to: errors)
        watch.standardError = try FileHandle(forWritingTo: errors)
        try watch.run()
        defer { if watch.isRunning { watch.terminate(); watch.waitUntilExit() } }
        let cutoff = History.cutoffMilliseconds
        func settled() -> Bool {
            guard let old = try? fleet.count("SELECT count(*) FROM svirt_trace.audit_events WHERE time_ms < \(cutoff)"),
                  let kept = try? fleet.count("SELECT count(*) FROM svirt_trace.audit_events"),
                  let months = try? Self.partitions(fleet, month: "2025_09") else { return false }
            return old == 0 && kept > 1000 && months == 0
        }
        let deadline = Date().addingTimeInterval(60)
        while !settled() && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        #expect(settled(), "watch --retain did not prune the spool, ship the deletions and drop September")
        watch.terminate()
        watch.waitUntilExit()
        let stderr = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        #expect(watch.terminationStatus == 0, "\(stderr.suffix(2000))")
        #expect(stderr.contains("emptied month"), "\(stderr.suffix(2000))")
        let mirrored = try FleetWriterTests.differences(spool: spool, fleet: fleet.admin)
        #expect(mirrored.isEmpty, "\(mirrored.prefix(10).joined(separator: "\n"))")
    }
}
