import Foundation
import Testing
import TestSupport

/// Coverage through the real binary: where lease data is incomplete a label no lease covers is
/// `unattributed`, and the stop of an unseen guest moves what was stored as unknown-* before it.
@Suite struct CoverageTests {
    /// Hand-built logs: libvirtd or virtqemud, RAW or ENRICHED, with or without `node=`.
    struct Log {
        var node: String?
        var daemon = "libvirtd"
        var enriched = false
        var lines: [String] = []
        var seconds: Int64 = 1_764_000_000
        var milliseconds = 0
        var serial: Int64 = 100

        init(node: String? = nil, daemon: String = "libvirtd", enriched: Bool = false) {
            self.node = node
            self.daemon = daemon
            self.enriched = enriched
        }

        /// Events 100 ms apart: a whole scenario fits in one minute, so repeats fold into one run.
        mutating func stamp() -> String {
            milliseconds += 100
            serial += 1
            return "\(seconds + Int64(milliseconds / 1000)).\(String(format: "%03d", milliseconds % 1000)):\(serial)"
        }

        mutating func add(_ body: String, enrichment: String = "UID=\"root\" AUID=\"unset\"") {
            let prefix = node.map { "node=\($0) " } ?? ""
            lines.append(prefix + body + (enriched ? "\u{1d}" + enrichment : ""))
        }

        var subject: String { daemon == "virtqemud" ? "virtqemud_t" : "virtd_t" }

        mutating func boot() {
            add("type=SYSTEM_BOOT msg=audit(\(stamp())): pid=612 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=success'")
        }

        mutating func start(_ name: String, _ uuid: String, level: String, pid: Int) {
            for model in ["selinux", "dac"] {
                let ctx = model == "selinux" ? "vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level)" : "vm-ctx=+107:+107 img-ctx=+107:+107"
                add("type=VIRT_MACHINE_ID msg=audit(\(stamp())): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:\(subject):s0-s0:c0.c1023 msg='virt=kvm vm=\"\(name)\" uuid=\(uuid) \(ctx) model=\(model) exe=\"/usr/sbin/\(daemon)\" hostname=? addr=? terminal=? res=success'")
            }
            control("start", name, uuid, pid: pid)
        }

        mutating func control(_ op: String, _ name: String, _ uuid: String, pid: Int = -1) {
            add("type=VIRT_CONTROL msg=audit(\(stamp())): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:\(subject):s0-s0:c0.c1023 msg='virt=kvm op=\(op) reason=\(op == "stop" ? "shutdown" : "booted") vm=\"\(name)\" uuid=\(uuid) vm-pid=\(pid) exe=\"/usr/sbin/\(daemon)\" hostname=? addr=? terminal=? res=success'")
        }

        /// A guest process with categories `source` reaching for an image with `target`.
        mutating func avc(source: String, target: String, pid: Int = 1000) {
            let s = stamp()
            add("type=AVC msg=audit(\(s)): avc:  denied  { read } for  pid=\(pid) comm=\"qemu-kvm\" name=\"disk.qcow2\" dev=\"dm-0\" ino=42 scontext=system_u:system_r:svirt_t:\(source) tcontext=system_u:object_r:svirt_image_t:\(target) tclass=file permissive=0")
            add("type=SYSCALL msg=audit(\(s)): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=1 a2=80002 a3=0 items=1 ppid=1 pid=\(pid) auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" subj=system_u:system_r:svirt_t:\(source) key=(null)",
                enrichment: "ARCH=x86_64 SYSCALL=openat AUID=\"unset\" UID=\"qemu\" GID=\"qemu\" EUID=\"qemu\" SUID=\"qemu\" FSUID=\"qemu\" EGID=\"qemu\" SGID=\"qemu\" FSGID=\"qemu\"")
            add("type=PROCTITLE msg=audit(\(s)): proctitle=2F7573722F6C6962657865632F71656D752D6B766D", enrichment: "")
        }

        var text: String { lines.joined(separator: "\n") + "\n" }
    }

    static let ghost = "99999999-0000-0000-0000-000000000009"
    static let victim = "cccccccc-0000-0000-0000-000000000003"

    static func ingest(_ logs: [String], folder: URL, state: String? = nil, extra: [String] = []) throws -> (db: String, stderr: String) {
        let db = folder.appendingPathComponent("c.db").path
        var args = ["ingest", "--db", db] + extra
        if let state { args += ["--libvirt-state", state] }
        for (i, text) in logs.enumerated() {
            let path = folder.appendingPathComponent("audit\(i).log")
            try text.write(to: path, atomically: true, encoding: .utf8)
            args.append(path.path)
        }
        let r = try Binary.run(args)
        #expect(r.status == 0, "\(r.stderr)")
        return (db, r.stderr)
    }

    static func rows(_ args: [String]) throws -> [[String: Any]] {
        let r = try Binary.run(args + ["--format", "jsonl"])
        return r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    static func kinds(_ db: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try rows(["query", "stats", "--db", db]) where row["section"] as? String == "kind" {
            counts[row["name"] as? String ?? ""] = row["count"] as? Int
        }
        return counts
    }

    /// Two unknown-source denials before a boot, two after it, the stop of a guest never seen, one
    /// more: all five fold into one minute, the first four into one run that the boot splits.
    static func splitLog(_ log: inout Log) {
        log.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        log.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        log.boot()
        log.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        log.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        log.control("stop", "ghost", ghost)
        log.avc(source: "s0:c1,c2", target: "s0:c7,c8")
    }

    @Test(arguments: [nil, 1]) func theStopOfAnUnseenGuestMovesStoredDenialsAndKeepsCountsExact(batch: Int?) throws {
        let folder = try Fixtures.temporaryFolder("coverage-split")
        let state = folder.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        var log = Log()
        Self.splitLog(&log)
        let (db, stderr) = try Self.ingest([log.text], folder: folder, state: state.path,
                                           extra: batch.map { ["--batch-events", "\($0)"] } ?? [])
        #expect(stderr.contains("5 denials (unknown-source=3 unattributed=2)"), "\(stderr)")
        #expect(try Self.kinds(db) == ["unknown-source": 3, "unattributed": 2])
        let unattributed = try Self.rows(["query", "denials", "--db", db, "--kind", "unattributed"])
        #expect(unattributed.map { $0["serial"] as? Int } == [104, 105])
        #expect(unattributed.allSatisfy { ($0["reason"] as? String)?.contains("guest ghost (\(Self.ghost))") == true })
        let unknown = try Self.rows(["query", "denials", "--db", db, "--kind", "unknown-source"])
        #expect(unknown.map { $0["serial"] as? Int } == [101, 102, 107])
        #expect(unknown.allSatisfy { $0["reason"] is NSNull })
        // The pair totals count only what is still unknown-source.
        let pairs = try Self.rows(["query", "cross-guest", "--db", db])
        #expect(pairs.map { $0["count"] as? Int } == [3])
        // Every run's count is the number of its events, and every event lies in its run's span.
        let runs = try Self.rows(["query", "denials", "--db", db])
        #expect(runs.count == 5)
    }

    @Test func anUnseenStopAfterBootOnlyReachesBackToTheBootAndOtherNodesStayAsTheyWere() throws {
        let folder = try Fixtures.temporaryFolder("coverage-nodes")
        var hv1 = Log(node: "hv1", daemon: "virtqemud", enriched: true)
        var hv2 = Log(node: "hv2", daemon: "virtqemud", enriched: true)
        hv2.serial = 500
        hv1.boot()
        hv1.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        hv2.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        hv1.control("stop", "ghost", Self.ghost)
        hv1.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        hv2.boot()
        hv2.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        let (db, _) = try Self.ingest([hv1.text, hv2.text], folder: folder)
        let rows = try Self.rows(["query", "denials", "--db", db])
        let byNode = Dictionary(grouping: rows, by: { $0["node"] as? String ?? "-" })
        #expect(byNode["hv1"]?.map { $0["kind"] as? String } == ["unattributed", "unknown-source"])
        #expect(byNode["hv2"]?.map { $0["kind"] as? String } == ["unattributed", "unknown-source"])
        #expect((byNode["hv2"]?.first?["reason"] as? String)?.contains("no SYSTEM_BOOT and no status XML for node hv2") == true)

        // query coverage: hv1's log begins with its boot: incomplete up to the ghost's stop, complete
        // after; hv2 incomplete until its boot.
        let intervals = try Self.rows(["query", "coverage", "--db", db])
        #expect(intervals.map { "\($0["node"] as? String ?? "-") \($0["lease_data"] as? String ?? "?")" }
                == ["hv1 incomplete", "hv1 complete", "hv2 incomplete", "hv2 complete"])
        #expect((intervals[0]["why"] as? String)?.contains("ghost (\(Self.ghost)) stopped at") == true)
        #expect((intervals[2]["why"] as? String)?.contains("no SYSTEM_BOOT and no status XML for node hv2") == true)
        #expect(intervals[1]["to"] is NSNull && intervals[0]["to"] as? String == intervals[1]["from"] as? String)
        #expect(try Self.rows(["query", "coverage", "--db", db, "--node", "hv2"]).count == 2)
        let json = try Binary.run(["query", "coverage", "--db", db, "--format", "json"])
        #expect(json.status == 0 && json.stdout.hasPrefix("["))
        let help = try Binary.run(["query", "coverage", "--help"])
        #expect(help.stdout.contains("THE RULE") && help.stdout.contains("SYSTEM_BOOT"))

        // The digest's health section names the incomplete stretch (back to back: one line) and what to give.
        let digest = try Binary.run(["digest", "--db", db, "--period", "2025-11-24T00:00:00Z..2025-11-25T00:00:00Z",
                                     "--format", "text"], environment: ["TZ": "UTC"]).stdout
        // Local time with its offset (TZ=UTC), wrapped to 78 columns: read with the wraps undone.
        let flat = digest.replacingOccurrences(of: #"\n {5,}"#, with: " ", options: .regularExpression)
        let lines = flat.split(separator: "\n").filter { $0.contains("lease data incomplete") }
        #expect(lines.count == 2, "\(digest)")
        #expect(lines.first?.contains("node hv1 from 2025-11-24 16:00:00 +00:00 to 2025-11-24 16:00:00 +00:00") == true)
        #expect(lines.last?.contains("node hv2 from 2025-11-24 16:00:00 +00:00 to 2025-11-24 16:00:00 +00:00") == true)
        #expect(lines.allSatisfy { $0.hasSuffix("give --libvirt-state, or a log that starts at boot") })
    }

    @Test(arguments: ["libvirtd", "virtqemud"], [false, true])
    func bootAndKnownGuestsInEveryLogShape(daemon: String, enriched: Bool) throws {
        for node in [nil, "hv9"] as [String?] {
            let folder = try Fixtures.temporaryFolder("coverage-shapes")
            var log = Log(node: node, daemon: daemon, enriched: enriched)
            log.avc(source: "s0:c1,c2", target: "s0:c7,c8")
            log.boot()
            log.start("victim", Self.victim, level: "s0:c7,c8", pid: 3000)
            log.avc(source: "s0:c1,c2", target: "s0:c7,c8")
            log.avc(source: "s0:c7,c8", target: "s0:c3,c4", pid: 3000)
            let (db, stderr) = try Self.ingest([log.text], folder: folder)
            let rows = try Self.rows(["query", "denials", "--db", db])
            #expect(rows.map { $0["kind"] as? String } == ["unattributed", "unknown-source", "unknown-target"],
                    "\(daemon) enriched=\(enriched) node=\(node ?? "-")")
            #expect(rows.last?["source_vm"] as? String == "victim")
            #expect(!stderr.contains("warning"), "a log with VIRT records gets no warning")
        }
    }

    @Test func theSampleFilteredToAVCRecordsIsUnattributedWithAWarning() throws {
        let folder = try Fixtures.temporaryFolder("coverage-ausearch")
        let sample = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log"), encoding: .utf8)
        // As `ausearch --raw -m AVC` would leave it: only the AVC records.
        let avcOnly = sample.split(separator: "\n").filter { $0.hasPrefix("type=AVC ") }.joined(separator: "\n") + "\n"
        let (db, stderr) = try Self.ingest([avcOnly], folder: folder)
        let kinds = try Self.kinds(db)
        #expect(kinds["unknown-source"] == nil && kinds["unknown-target"] == nil && kinds["cross-guest"] == nil)
        #expect((kinds["unattributed"] ?? 0) >= 13)
        #expect(stderr.contains("warning"))
        #expect(stderr.contains("-m AVC,USER_AVC,SELINUX_ERR,MAC_STATUS,MAC_POLICY_LOAD,VIRT_MACHINE_ID,VIRT_CONTROL,VIRT_RESOURCE"))
        // The whole sample with its status XML keeps its cross-guest table and gets no warning.
        let whole = try Fixtures.temporaryFolder("coverage-sample")
        let (full, fullErr) = try Self.ingest([sample], folder: whole,
                                              state: Fixtures.repositoryRoot.appendingPathComponent("tools/sample/run").path)
        #expect(try Self.kinds(full)["cross-guest"] == 17)
        #expect(try Self.kinds(full)["unattributed"] == nil)
        #expect(!fullErr.contains("warning"))
    }

    /// The stop of an unseen guest in a later run moves denials an earlier run stored: the later
    /// run's summary says so apart instead of subtracting them from its own counts (it printed
    /// "0 denials (unattributed=2 unknown-source=-2)"). A later log of long-running guests with
    /// no VIRT_* record, whose denials resolve against stored leases, gets no warning.
    @Test func aLaterRunsSummaryCountsOnlyItsOwnDenialsAndWarnsOnlyForUnresolvedOnes() throws {
        let folder = try Fixtures.temporaryFolder("coverage-later-run")
        var first = Log()
        first.boot()
        first.start("victim", Self.victim, level: "s0:c7,c8", pid: 3000)
        first.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        first.avc(source: "s0:c1,c2", target: "s0:c7,c8")
        var second = first
        second.lines = []
        second.control("stop", "ghost", Self.ghost)
        var third = second
        third.lines = []
        third.avc(source: "s0:c7,c8", target: "s0:c7,c8", pid: 3000)
        let (db, firstErr) = try Self.ingest([first.text], folder: folder)
        #expect(firstErr.contains("2 denials (unknown-source=2)"), "\(firstErr)")
        var stderrs: [String] = []
        for (i, log) in [second, third].enumerated() {
            let path = folder.appendingPathComponent("later\(i).log")
            try log.text.write(to: path, atomically: true, encoding: .utf8)
            let r = try Binary.run(["ingest", "--db", db, path.path])
            #expect(r.status == 0, "\(r.stderr)")
            stderrs.append(r.stderr)
        }
        #expect(stderrs[0].contains("0 denials, 2 denials stored earlier moved to unattributed (unknown-source=2)"), "\(stderrs[0])")
        #expect(!stderrs[0].contains("=-"), "\(stderrs[0])")
        #expect(try Self.kinds(db)["unattributed"] == 2)
        #expect(!stderrs[1].contains("warning"), "\(stderrs[1])")
        let last = try Self.rows(["query", "denials", "--db", db]).last
        #expect(last?["source_vm"] as? String == "victim", "the third run's denial resolves against the stored lease")
    }
}
