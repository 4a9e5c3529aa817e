import Foundation
import Testing
import Native
import Reports
import TestSupport

/// query and digest on the fleet store (PostgreSQL) through the binary: the same input ingested
/// into SQLite and into the fleet store gives the same bytes for every report and format.
@Suite struct FleetReaderTests {
    typealias Fleet = FleetWriterTests.Fleet

    /// A login role in svirt_trace_reader; returns its connection string.
    static func reader(_ fleet: inout Fleet) throws -> String {
        let role = "auditor_\(fleet.suffix)"
        fleet.roles.append(role)
        try PostgresConnection(connection: fleet.admin).execute("CREATE ROLE \(role) LOGIN IN ROLE svirt_trace_reader")
        return "\(fleet.admin) user=\(role)"
    }

    static func run(_ arguments: [String], db: String) throws -> (status: Int32, stdout: [UInt8], stderr: String) {
        let r = try Binary.run(arguments + ["--config", "/dev/null", "--db", db])
        return (r.status, Array(r.stdout.utf8), r.stderr)
    }

    /// Every report and format on both stores; returns what differed (nothing when all agree).
    static func differences(sqlite: String, fleet: String, period: String) throws -> [String] {
        let db = try SQLiteDatabase(path: sqlite, mode: .readOnly)
        let guests = try db.rows("SELECT name FROM guests ORDER BY id").compactMap { $0[0].string }
        let label = try db.rows("SELECT level FROM leases WHERE level IS NOT NULL ORDER BY id LIMIT 1").first?[0].string ?? "s0:c1,c2"
        let serials = try db.rows("SELECT serial FROM denials ORDER BY id LIMIT 3").compactMap { $0[0].int64 }.map(String.init)
        var reports: [[String]] = [
            ["query", "cross-guest"], ["query", "cross-guest", "--perm", "read"], ["query", "cross-guest", "--permissive"],
            ["query", "guests"], ["query", "guests", "--running"], ["query", "label", label],
            ["query", "denials"], ["query", "denials", "--path", "/var/lib/*", "--kind", "cross-guest", "--kind", "stale-image"],
            ["query", "events"], ["query", "stats"], ["query", "posture"], ["query", "coverage"],
        ]
        for guest in guests.prefix(3) {
            reports += [["query", "guest", guest], ["query", "who-touched", guest], ["query", "denials", "--vm", guest]]
        }
        for serial in serials { reports += [["query", "evidence", serial], ["query", "explain", serial]] }
        var found: [String] = []
        for report in reports {
            for format in ["jsonl", "csv", "table"] {
                let arguments = report + ["--format", format]
                let a = try run(arguments, db: sqlite), b = try run(arguments, db: fleet)
                if a.status != b.status || a.stdout != b.stdout {
                    found.append("\(arguments.joined(separator: " ")): exit \(a.status)/\(b.status), \(a.stdout.count)/\(b.stdout.count) bytes; \(b.stderr.prefix(300))")
                }
            }
        }
        // The digest names a store given with --db in the commands it suggests; named by
        // $SVIRT_TRACE_DB, neither store is named, and the two digests must be the same bytes.
        for format in ["text", "html"] {
            let arguments = ["digest", "--period", period, "--format", format, "--config", "/dev/null"]
            let a = try Binary.run(arguments, environment: ["SVIRT_TRACE_DB": sqlite])
            let b = try Binary.run(arguments, environment: ["SVIRT_TRACE_DB": fleet])
            if a.status != b.status || Array(a.stdout.utf8) != Array(b.stdout.utf8) || a.stdout.utf8.count < 500 {
                found.append("\(arguments.joined(separator: " ")): exit \(a.status)/\(b.status), \(a.stdout.utf8.count)/\(b.stdout.utf8.count) bytes; \(b.stderr.prefix(300))")
            }
        }
        return found
    }

    /// One host's lines of a central log, as its own log holds them: without the node= prefix,
    /// which the writer's --node supplies.
    static func hostLog<Line: StringProtocol>(_ lines: [Line], node: String) -> String {
        let prefix = "node=\(node) "
        return lines.filter { $0.hasPrefix(prefix) }.map { $0.dropFirst(prefix.count) }.joined(separator: "\n") + "\n"
    }

    /// A guest's start as libvirt logs it, at the two audit stamps (`time:serial`) given: its
    /// labels (VIRT_MACHINE_ID), then its start with its QEMU pid (VIRT_CONTROL).
    static func guestStart(_ name: String, uuid: String, level: String, pid: Int, stamps: (String, String)) -> [String] {
        let hex = CommandLineTests.hex(Array(name.utf8))
        return [
            "type=VIRT_MACHINE_ID msg=audit(\(stamps.0)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm vm=\(hex) uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:s0:\(level) img-ctx=system_u:object_r:svirt_image_t:s0:\(level) model=selinux exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'",
            "type=VIRT_CONTROL msg=audit(\(stamps.1)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm op=start reason=booted vm=\(hex) uuid=\(uuid) vm-pid=\(pid) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'",
        ]
    }

    static func ingest(_ arguments: [String]) throws {
        let r = try FleetWriterTests.ingest(arguments)
        guard r.status == 0 else { throw NSError(domain: "ingest: \(r.stderr)", code: Int(r.status)) }
    }

    @Test(arguments: [Workload.Options(events: 6000, seed: 21, nodes: 3, enriched: false),
                      Workload.Options(events: 5000, seed: 22, nodes: 1, enriched: true)])
    func everyReportOfAGeneratedWorkloadIsTheSameBytesFromBothStores(options: Workload.Options) throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let reader = try Self.reader(&fleet)
        var options = options
        options.virtPerMille = 300
        let work = try Workload.generate(options)
        let folder = try Fixtures.temporaryFolder("fleet-read")
        let plain = folder.appendingPathComponent("plain.db").path
        try Self.ingest(["--db", central, "--spool", folder.appendingPathComponent("spool.db").path,
                         "--libvirt-state", work.rundir.path, work.log.path])
        try Self.ingest(["--db", plain, "--libvirt-state", work.rundir.path, work.log.path])
        // Something to compare: the workload has cross-guest pairs, and the fleet store holds them.
        let pairs = try SQLiteDatabase(path: plain, mode: .readOnly).rows("SELECT count(*) FROM pair_totals")[0][0].int64 ?? 0
        #expect(pairs > 5)
        let found = try Self.differences(sqlite: plain, fleet: reader, period: "2025-11-01..2025-12-31")
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The bundled sample, a log of hostile guest names (SQL, escape sequences, HTML, a line
    /// break, bytes that are not UTF-8), hosts whose names hold a comma, a `%` or a space, and a
    /// class holding a comma, and a host spelt two ways (NFC and NFD).
    @Test(arguments: ["sample", "hostile", "comma-nodes", "a-comma-class", "two-spellings"])
    func theSampleAndHostileNamesAreTheSameBytesFromBothStores(input: String) throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let reader = try Self.reader(&fleet)
        let folder = try Fixtures.temporaryFolder("fleet-read")
        var extra: [String] = []
        let log: String
        if input == "sample" {
            log = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path
            extra = ["--libvirt-state", Fixtures.repositoryRoot.appendingPathComponent("tools/sample/run").path]
        } else if input == "hostile" {
            log = folder.appendingPathComponent("hostile.log").path
            try CommandLineTests.hostileLog().write(toFile: log, atomically: true, encoding: .utf8)
        } else if input == "comma-nodes" {
            log = folder.appendingPathComponent("comma-nodes.log").path
            try (StoreStringExactnessTests.commaNodeLog().joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        } else if input == "two-spellings" {
            // Two hosts whose names differ only in Unicode normalization: two nodes to the
            // kernel and to both stores, so two in every report and in the digest's heading.
            log = folder.appendingPathComponent("two-spellings.log").path
            try (StoreStringExactnessTests.commaNodeLog(("kvm-\u{E9}", "kvm-e\u{301}")).joined(separator: "\n") + "\n")
                .write(toFile: log, atomically: true, encoding: .utf8)
        } else {
            // A class holding a comma and a host name holding a space.
            log = folder.appendingPathComponent("a-comma-class.log").path
            try (StoreStringExactnessTests.commaNodeLog(("CentOS 7.7", "hv%25"), tclass: "fi,le").joined(separator: "\n") + "\n")
                .write(toFile: log, atomically: true, encoding: .utf8)
        }
        let plain = folder.appendingPathComponent("plain.db").path
        try Self.ingest(["--db", central, "--spool", folder.appendingPathComponent("spool.db").path] + extra + [log])
        try Self.ingest(["--db", plain] + extra + [log])
        let found = try Self.differences(sqlite: plain, fleet: reader, period: "2025-01-01..2025-12-31")
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        if input == "two-spellings" {
            // Each spelling has its own line in the digest's health section and its own heatmap,
            // compared by bytes (String's contains would take either spelling for the other).
            for format in ["text", "html"] {
                let digest = try Binary.run(["digest", "--period", "2025-01-01..2025-12-31", "--format", format, "--config", "/dev/null"],
                                            environment: ["SVIRT_TRACE_DB": reader])
                let text = Array(digest.stdout.utf8)
                for spelling in ["kvm-\u{E9}", "kvm-e\u{301}"] {
                    let health = Array((format == "text" ? "node \(spelling): " : "<tr><td>\(spelling)</td><td class=\"n\">").utf8)
                    let heatmap = Array("<b>Node \(spelling)</b>".utf8)
                    #expect(Self.occurrences(of: health, in: text) == 1, "\(format): \(spelling.unicodeScalars.count) scalars")
                    if format == "html" { #expect(Self.occurrences(of: heatmap, in: text) == 1, "heatmap of \(spelling.unicodeScalars.count) scalars") }
                }
            }
        }
    }

    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        return (0...(haystack.count - needle.count)).filter { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }.count
    }

    /// A host whose spool was lost (a reinstall) writes the same node from a second spool, which
    /// starts as a new store does (it knows none of the first one's guests). The fleet-wide
    /// totals add both spools' rows up and list the node once: what the two SQLite stores of the
    /// two halves say, summed; and the denials of the node are those of both, in time order.
    @Test func aNodeWrittenByTwoSpoolsIsCountedOnceWithBothSpoolsTotals() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try Self.reader(&fleet)
        let writer = try fleet.writer("host", nodes: ["hv01"])
        var options = Workload.Options(events: 6000, seed: 24, nodes: 1)
        options.virtPerMille = 300
        let work = try Workload.generate(options)
        let folder = try Fixtures.temporaryFolder("fleet-read")
        let lines = try String(contentsOf: work.log, encoding: .utf8).split(separator: "\n").map(String.init)
        // Cut between two events (the serial changes), near the middle.
        var cut = lines.count / 2
        func serial(_ line: String) -> Substring? { line.split(separator: ":", maxSplits: 2).dropFirst().first?.prefix { $0 != ")" } }
        while cut < lines.count - 1, serial(lines[cut]) == serial(lines[cut - 1]) { cut += 1 }
        var halves: [String] = []
        for (index, part) in [lines[..<cut], lines[cut...]].enumerated() {
            let log = folder.appendingPathComponent("part\(index).log").path
            try (part.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
            try Self.ingest(["--db", writer, "--node", "hv01", "--spool", folder.appendingPathComponent("spool\(index).db").path,
                             "--libvirt-state", work.rundir.path, log])
            let plain = folder.appendingPathComponent("plain\(index).db").path
            try Self.ingest(["--db", plain, "--node", "hv01", "--libvirt-state", work.rundir.path, log])
            halves.append(plain)
        }
        let admin = try PostgresConnection(connection: fleet.admin)
        #expect(try admin.rows("SELECT count(*) FROM svirt_trace.node_activity WHERE node = 'hv01'")[0][0].int64 == 2)

        func objects(_ arguments: [String], _ db: String) throws -> [[String: String]] {
            let r = try Binary.run(arguments + ["--format", "jsonl", "--config", "/dev/null", "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout.split(separator: "\n").map { line in
                let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
                return object.mapValues { "\($0)" }
            }
        }
        // Stats: per kind, node and day, the counts of both halves added up, the latest time.
        var expected: [String: (count: Int, last: String)] = [:]
        for half in halves {
            for row in try objects(["query", "stats"], half) where row["section"] != "parse-errors" {
                let key = "\(row["section"]!)/\(row["name"]!)"
                let old = expected[key] ?? (0, "")
                expected[key] = (old.count + Int(row["count"]!)!, max(old.last, row["last_event"]!))
            }
        }
        var got: [String: (count: Int, last: String)] = [:]
        for row in try objects(["query", "stats"], reader) where row["section"] != "parse-errors" {
            let key = "\(row["section"]!)/\(row["name"]!)"
            #expect(got[key] == nil, "\(key) listed twice")
            got[key] = (Int(row["count"]!)!, row["last_event"]!)
        }
        #expect(got.count == expected.count && got.count > 5)
        for (key, value) in expected { #expect(got[key]?.count == value.count && got[key]?.last == value.last, "\(key)") }
        // The denials: the first half's, then the second's, each as its own store resolved them.
        let denials = try Binary.run(["query", "denials", "--format", "jsonl", "--config", "/dev/null", "--db", reader]).stdout
        let first = try Binary.run(["query", "denials", "--format", "jsonl", "--config", "/dev/null", "--db", halves[0]]).stdout
        let second = try Binary.run(["query", "denials", "--format", "jsonl", "--config", "/dev/null", "--db", halves[1]]).stdout
        #expect(denials.split(separator: "\n").count > 100)
        #expect(denials.split(separator: "\n") == first.split(separator: "\n") + second.split(separator: "\n"))
    }

    /// One writer per host, each its own spool, against one SQLite store fed the same three logs:
    /// the fleet-wide totals (kept per spool) add up to the single store's.
    @Test func threeHostWritersAnswerAsOneStoreFedTheirThreeLogs() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try Self.reader(&fleet)
        var options = Workload.Options(events: 6000, seed: 23, nodes: 3)
        options.virtPerMille = 300
        let work = try Workload.generate(options)
        let folder = try Fixtures.temporaryFolder("fleet-read")
        let plain = folder.appendingPathComponent("plain.db").path
        let lines = try String(contentsOf: work.log, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for node in ["hv01", "hv02", "hv03"] {
            let own = Self.hostLog(lines, node: node)
            let log = folder.appendingPathComponent("\(node).log").path
            try own.write(toFile: log, atomically: true, encoding: .utf8)
            let state = work.rundir.appendingPathComponent(node).path
            let writer = try fleet.writer("host_\(node)", nodes: [node])
            try Self.ingest(["--db", writer, "--node", node, "--spool", folder.appendingPathComponent("spool-\(node).db").path,
                             "--libvirt-state", state, log])
            try Self.ingest(["--db", plain, "--node", node, "--libvirt-state", state, log])
        }
        #expect(try PostgresConnection(connection: fleet.admin).rows("SELECT count(*) FROM svirt_trace.spools")[0][0].int64 == 3)
        let found = try Self.differences(sqlite: plain, fleet: reader, period: "2025-11-01..2025-12-31")
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}

extension FleetReaderTests {
    /// Two hosts' writers, named `a,c` and `a+b`, report one pair: the fleet store merges their
    /// sets of nodes (escaped, `a%2Cc` sorts before `a+b`) and lists them as SQLite does, one
    /// node each, in byte order.
    @Test func hostNamesHoldingACommaAreListedAsInSQLite() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try Self.reader(&fleet)
        let folder = try Fixtures.temporaryFolder("fleet-read")
        let plain = folder.appendingPathComponent("plain.db").path
        let lines = StoreStringExactnessTests.commaNodeLog(("a,c", "a+b"))
        for (index, node) in ["a,c", "a+b"].enumerated() {
            let own = Self.hostLog(lines, node: node)
            let log = folder.appendingPathComponent("host\(index).log").path
            try own.write(toFile: log, atomically: true, encoding: .utf8)
            let writer = try fleet.writer("host_\(index)", nodes: [node])
            try Self.ingest(["--db", writer, "--node", node, "--spool", folder.appendingPathComponent("spool-\(index).db").path, log])
            try Self.ingest(["--db", plain, "--node", node, log])
        }
        let out = try Self.run(["query", "cross-guest", "--format", "jsonl"], db: reader)
        let rows = String(decoding: out.stdout, as: UTF8.self).split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(rows.map { $0["nodes"] as? [String] } == [["a+b", "a,c"]], "\(rows)")
        let found = try Self.differences(sqlite: plain, fleet: reader, period: "2025-11-01..2025-12-31")
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}

extension FleetReaderTests {
    /// PostgreSQL text holds no NUL byte, and a B-tree entry no more than 2,704 bytes: a guest
    /// named with one or past the other (libvirt takes any name it is given) must not stop the
    /// host's shipping. A NUL arrives as U+FFFD; everything else as stored.
    @Test func aGuestNamedWithANulByteOrAVeryLongNameIsShippedNotABlockedSpool() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let reader = try Self.reader(&fleet)
        let folder = try Fixtures.temporaryFolder("fleet-read")
        let log = folder.appendingPathComponent("nul.log").path
        let name = CommandLineTests.hex(Array("a\u{0}b".utf8))
        // Longer than a PostgreSQL B-tree entry (2,704 bytes): indexed by hash, it ships too.
        let long = String(repeating: "long-name-", count: 350)
        try """
            type=VIRT_MACHINE_ID msg=audit(1764000001.250:501): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm vm=\(name) uuid=00000000-0000-0000-0000-000000000001 vm-ctx=system_u:system_r:svirt_t:s0:c10,c100 img-ctx=system_u:object_r:svirt_image_t:s0:c10,c100 model=selinux exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'
            type=VIRT_CONTROL msg=audit(1764000002.250:502): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm op=start reason=booted vm=\(name) uuid=00000000-0000-0000-0000-000000000001 vm-pid=1000 exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'
            type=AVC msg=audit(1764000003.250:503): avc:  denied  { read } for  pid=1000 comm="qemu" name="disk" dev="dm-0" ino=1 scontext=system_u:system_r:svirt_t:s0:c10,c100 tcontext=system_u:object_r:svirt_image_t:s0:c11,c101 tclass=file permissive=0
            type=VIRT_MACHINE_ID msg=audit(1764000004.250:504): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm vm=\(CommandLineTests.hex(Array(long.utf8))) uuid=00000000-0000-0000-0000-000000000002 vm-ctx=system_u:system_r:svirt_t:s0:c12,c102 img-ctx=system_u:object_r:svirt_image_t:s0:c12,c102 model=selinux exe="/usr/sbin/libvirtd" hostname=? addr=? terminal=? res=success'

            """.write(toFile: log, atomically: true, encoding: .utf8)
        let spool = folder.appendingPathComponent("spool.db").path
        try Self.ingest(["--db", central, "--spool", spool, log])
        let guests = try Binary.run(["query", "guests", "--format", "jsonl", "--config", "/dev/null", "--db", reader])
        #expect(guests.status == 0, "\(guests.stderr)")
        #expect(guests.stdout.contains("\"vm\":\"a\u{FFFD}b\""), "\(guests.stdout)")
        #expect(guests.stdout.contains("\"vm\":\"\(long)\""))
        let local = try Binary.run(["query", "guests", "--format", "jsonl", "--config", "/dev/null", "--db", spool])
        #expect(local.stdout.contains("\"vm\":\"a\\u0000b\""), "\(local.stdout)")
        #expect(try SQLiteDatabase(path: spool, mode: .readOnly).rows("SELECT count(*) FROM fleet_changes") == [[.integer(1)]])
        let denials = try Binary.run(["query", "denials", "--format", "jsonl", "--config", "/dev/null", "--db", reader])
        #expect(denials.stdout.split(separator: "\n").count == 1)
    }

    /// A guest migrated to another host and renamed on the way (`virsh migrate --dname`) is one
    /// UUID with two names, one per node: cross-guest names a pair as SQLite does, by the name
    /// stored first.
    @Test func aGuestRenamedBetweenHostsIsNamedAsInSQLite() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try Self.reader(&fleet)
        let folder = try Fixtures.temporaryFolder("fleet-read")
        let plain = folder.appendingPathComponent("plain.db").path
        func log(_ name: String, _ start: Int) -> String {
            var lines: [String] = []
            var serial = start
            func stamp() -> String { serial += 1; return "\(1_764_000_000 + serial).250:\(serial)" }
            for (vm, uuid, level, pid) in [(name, "00000000-0000-0000-0000-0000000000a1", "c10,c100", 1000),
                                           ("beta", "00000000-0000-0000-0000-0000000000b2", "c11,c101", 1001)] {
                lines += Self.guestStart(vm, uuid: uuid, level: level, pid: pid, stamps: (stamp(), stamp()))
            }
            for _ in 0..<3 {
                lines.append("type=AVC msg=audit(\(stamp())): avc:  denied  { read } for  pid=1000 comm=\"qemu\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c10,c100 tcontext=system_u:object_r:svirt_image_t:s0:c11,c101 tclass=file permissive=0")
            }
            return lines.joined(separator: "\n") + "\n"
        }
        for (node, name, start) in [("hv01", "alpha", 500), ("hv02", "alpha-renamed", 900)] {
            let path = folder.appendingPathComponent("\(node).log").path
            try log(name, start).write(toFile: path, atomically: true, encoding: .utf8)
            let writer = try fleet.writer("host_\(node)", nodes: [node])
            try Self.ingest(["--db", writer, "--node", node, "--spool", folder.appendingPathComponent("\(node).db").path, path])
            try Self.ingest(["--db", plain, "--node", node, path])
        }
        let pairs = try Binary.run(["query", "cross-guest", "--format", "jsonl", "--config", "/dev/null", "--db", plain]).stdout
        #expect(pairs.contains("\"source_vm\":\"alpha\"") && pairs.contains("\"count\":6"), "\(pairs)")
        let found = try Self.differences(sqlite: plain, fleet: reader, period: "2025-11-01..2025-12-31")
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// A guest's timeline reads the events of its runs of repeats apart from the runs, many runs
    /// to a statement on PostgreSQL: more runs than one statement takes, spread over more months
    /// than one statement spans, and runs of one denial among them, listed as SQLite lists them.
    /// Each guest has more runs than the fleet store reads in one share.
    @Test func aTimelineOfManyRunsOverMonthsIsListedAsInSQLite() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try Self.reader(&fleet)
        let folder = try Fixtures.temporaryFolder("fleet-read")
        let plain = folder.appendingPathComponent("plain.db").path
        var lines: [String] = []
        var serial = 0
        func stamp(_ seconds: Int) -> String { serial += 1; return "\(1_760_000_000 + seconds).250:\(serial)" }
        for (vm, uuid, level, pid) in [("alpha", "00000000-0000-0000-0000-0000000000a1", "c10,c100", 1000),
                                       ("beta", "00000000-0000-0000-0000-0000000000b2", "c11,c101", 1001)] {
            lines += Self.guestStart(vm, uuid: uuid, level: level, pid: pid, stamps: (stamp(0), stamp(0)))
        }
        // 2,100 runs two hours apart (175 days), every fifth of one denial, the rest of three.
        // Every seventh run's events come again at the end of the log under the same audit ids
        // (a log pasted together), another access: denials of the same time and serial in other
        // runs, listed in run order in both stores.
        let runs = 2_100
        var expected = 0
        var again: [String] = []
        for run in 0..<runs {
            let repeats = run % 5 == 0 ? 1 : 3
            for second in 0..<repeats {
                let time = stamp(10 + run * 7_200 + second)
                lines.append("type=AVC msg=audit(\(time)): avc:  denied  { read } for  pid=1000 comm=\"qemu\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c10,c100 tcontext=system_u:object_r:svirt_image_t:s0:c11,c101 tclass=file permissive=0")
                expected += 1
                if run % 7 == 0 {
                    again.append("type=AVC msg=audit(\(time)): avc:  denied  { write } for  pid=1000 comm=\"qemu\" name=\"disk2\" dev=\"dm-0\" ino=2 scontext=system_u:system_r:svirt_t:s0:c10,c100 tcontext=system_u:object_r:svirt_image_t:s0:c11,c101 tclass=file permissive=0")
                    expected += 1
                }
            }
        }
        lines += again
        let path = folder.appendingPathComponent("hv01.log").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let writer = try fleet.writer("host_hv01", nodes: ["hv01"])
        try Self.ingest(["--db", writer, "--node", "hv01", "--spool", folder.appendingPathComponent("hv01.db").path, path])
        try Self.ingest(["--db", plain, "--node", "hv01", path])
        let store = try SQLiteDatabase(path: plain, mode: .readOnly)
        let folded = try store.rows("SELECT count(*), sum(count > 1) FROM denial_runs").first
        #expect((folded?[0].int64 ?? 0) >= Int64(runs) && (folded?[1].int64 ?? 0) >= Int64(runs * 4 / 5), "\(String(describing: folded))")
        // Over the bound: the fleet store reads each guest in two shares.
        let parties = try store.rows("SELECT count(*) FROM run_parties WHERE side = 'source'").first?.first?.int64 ?? 0
        #expect(parties > Int64(GuestTimelineQuery.partiesReadInShares))
        let ties = try store.rows("SELECT count(*) FROM (SELECT 1 FROM audit_events GROUP BY time_ms, serial HAVING count(*) > 1)").first?.first?.int64 ?? 0
        #expect(ties == Int64(again.count), "events sharing their time and serial: \(ties)")
        for (guest, event) in [("alpha", "denial-as-source"), ("beta", "denial-as-target")] {
            for format in ["jsonl", "table"] {
                let a = try Self.run(["query", "guest", guest, "--format", format], db: plain)
                let b = try Self.run(["query", "guest", guest, "--format", format], db: reader)
                #expect(a.status == 0 && b.status == 0 && a.stdout == b.stdout, "\(guest) \(format): \(b.stderr)")
            }
            let out = String(decoding: try Self.run(["query", "guest", guest, "--format", "jsonl"], db: reader).stdout, as: UTF8.self)
            let denials = out.split(separator: "\n").filter { $0.contains("\"event\":\"\(event)\"") }
            #expect(denials.count == expected, "\(guest): \(denials.count) of \(expected)")
            // One evidence per audit id: the ids given twice are listed twice under one evidence.
            #expect(Set(denials.map { $0.components(separatedBy: "\"evidence\":").last ?? "" }).count == expected - again.count)
        }
    }

    /// `--save-checkpoint` and `--since checkpoint` on the fleet store, kept under its connection
    /// string without the password.
    /// A report against a fleet store that takes its statements and sends nothing back (a server
    /// frozen or overloaded, a lock held, a network gone silent) waited for good under libpq, and
    /// a digest run from cron with it, unseen. It gives up after $SVIRT_TRACE_FLEET_TIMEOUT
    /// seconds of silence, exit 4, and says why.
    @Test func aReportThatGetsNoAnswerGivesUpAndSaysWhy() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let reader = try Self.reader(&fleet)
        // Another session holds the tables the reports read: the server takes their statements
        // and answers nothing until it lets go.
        let admin = try PostgresConnection(connection: fleet.admin)
        let tables = ["pair_totals", "denial_runs", "daily_totals", "audit_events", "events", "guests", "leases", "run_parties"]
        try admin.execute("BEGIN; LOCK TABLE \(tables.map { "svirt_trace." + $0 }.joined(separator: ", ")) IN ACCESS EXCLUSIVE MODE")
        func bounded(_ arguments: [String], timeout: String) throws -> (status: Int32, stderr: String, seconds: Double) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Binary.path)
            process.arguments = arguments + ["--config", "/dev/null", "--db", reader]
            var environment = ProcessInfo.processInfo.environment
            environment["SVIRT_TRACE_FLEET_TIMEOUT"] = timeout
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            let started = Date()
            try process.run()
            while process.isRunning, Date().timeIntervalSince(started) < 60 { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationStatus, stderr, Date().timeIntervalSince(started))
        }
        for report in [["query", "cross-guest"], ["query", "denials"], ["digest", "--period", "week"]] {
            let r = try bounded(report, timeout: "2")
            #expect(r.status == 4 && r.stderr.contains("no answer from the server for 2 s"), "\(report): exit \(r.status): \(r.stderr)")
            #expect(r.seconds < 30, "\(report) took \(r.seconds) s")
        }
        for typo in ["soon", "-1", "0x10", "1e-300", "5s", "2000001"] {
            let r = try bounded(["query", "cross-guest"], timeout: typo)
            #expect(r.status == 2 && r.stderr.contains("SVIRT_TRACE_FLEET_TIMEOUT=\(typo):"), "\(typo): \(r.stderr)")
        }
        try admin.execute("ROLLBACK")
        // Answered, the same report goes through (exit 1: an empty store matches nothing).
        let answered = try bounded(["query", "cross-guest"], timeout: "2")
        #expect(answered.status == 1, "\(answered.stderr)")
    }

    @Test func aCheckpointIsKeptForTheFleetStore() throws {
        var fleet = try Fleet()
        defer { fleet.tearDown() }
        let central = try fleet.writer("central", nodes: ["*"])
        let reader = try Self.reader(&fleet)
        let folder = try Fixtures.temporaryFolder("fleet-read")
        let log = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log").path
        try Self.ingest(["--db", central, "--spool", folder.appendingPathComponent("spool.db").path, log])
        let state = ["XDG_STATE_HOME": folder.path]
        let first = try Binary.run(["query", "denials", "--since", "@0", "--save-checkpoint", "--format", "jsonl",
                                    "--config", "/dev/null", "--db", reader], environment: state)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").count > 10)
        let next = try Binary.run(["query", "denials", "--since", "checkpoint", "--format", "jsonl",
                                   "--config", "/dev/null", "--db", reader], environment: state)
        #expect(next.stdout.isEmpty && next.status == 1, "\(next.status) \(next.stderr)")
        let saved = try String(contentsOfFile: folder.appendingPathComponent("svirt-trace/checkpoints").path, encoding: .utf8)
        #expect(saved.contains("user=auditor_\(fleet.suffix)") && !saved.contains("password"))
    }
}
