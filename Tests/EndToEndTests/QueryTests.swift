import Foundation
import Testing
import Native
import SELinux
@testable import Store
import TestSupport
import Formatting
@testable import Reports

/// Every report checked against the generator's ground truth.
@Suite struct QueryTests {
    struct Fixture {
        var workload: Workload
        var probe: StoreProbe
        var truth: [[String: Any]]
        var multiNode: Bool
    }

    static func fixture(nodes: Int, seed: Int) throws -> Fixture {
        var options = Workload.Options(events: 12000, seed: seed, nodes: nodes, enriched: true)
        options.interleave = 0.02
        let workload = try Workload.generate(options)
        let probe = try StoreProbe(label: "query")
        try probe.ingest([workload.log.path], state: workload.rundir.path)
        return Fixture(workload: workload, probe: probe, truth: try workload.truthRecords(), multiNode: nodes > 1)
    }

    static func rows(_ run: ((OutputRow) throws -> Void) throws -> Void) throws -> [[String: OutputValue]] {
        var out: [[String: OutputValue]] = []
        try run { row in out.append(Dictionary(uniqueKeysWithValues: row.map { ($0.key, $0.value) })) }
        return out
    }

    static func names(_ value: Any?) -> [String] {
        if let s = value as? String { return [s] }
        return value as? [String] ?? []
    }

    static func level(of context: String) -> String {
        (try? SecurityContext.parse(context).level?.description) ?? context
    }

    @Test(arguments: [(1, 41), (3, 42)])
    func whoTouchedListsExactlyTheAttackersTheTruthImplies(nodes: Int, seed: Int) throws {
        let f = try Self.fixture(nodes: nodes, seed: seed)
        var expected: [String: Set<String>] = [:]  // target name -> attackers (name or label)
        for t in f.truth where ["cross-guest", "unknown-source"].contains(t["kind"] as? String) {
            let attacker = (t["source_vm"] as? String) ?? Self.level(of: t["scontext"] as! String)
            for target in Self.names(t["target_vm"]) { expected[target, default: []].insert(attacker) }
        }
        #expect(expected.count > 5)
        for (target, attackers) in expected.sorted(by: { $0.key < $1.key }).prefix(12) {
            let rows = try Self.rows { try WhoTouchedQuery(guest: GuestSelector(target)).run(StoreReader(f.probe.database), row: $0) }
            let found = Set(rows.compactMap { row -> String? in
                if case .string(let name)? = row["source_vm"] { return name }
                if case .string(let label)? = row["source_label"] { return label }
                return nil
            })
            #expect(found == attackers, "who-touched \(target)")
        }
    }

    @Test(arguments: [(1, 43), (3, 44)])
    func labelAtMatchesTheLeaseTimelineAcrossReuse(nodes: Int, seed: Int) throws {
        let f = try Self.fixture(nodes: nodes, seed: seed)
        // Lifetimes from the truth: (node, level) -> [(name, start ms or nil, stop ms or nil)].
        var open: [String: (node: String, level: String, name: String, start: Int64?)] = [:]
        var lifetimes: [(node: String, level: String, name: String, start: Int64?, stop: Int64?)] = []
        func ms(_ stamp: Any?) -> Int64? {
            guard let stamp = stamp as? String, let time = stamp.split(separator: ":").first, let seconds = Double(time) else { return nil }
            return Int64((seconds * 1000).rounded())
        }
        for t in f.truth {
            switch t["kind"] as? String {
            case "domain-start":
                let key = "\(t["node"]!)|\(t["uuid"]!)"
                open[key] = (t["node"] as! String, Self.level(of: t["label"] as! String), t["vm"] as! String, ms(t["stamp"]))
            case "domain-stop":
                let key = "\(t["node"]!)|\(t["uuid"]!)"
                if let o = open.removeValue(forKey: key) { lifetimes.append((o.node, o.level, o.name, o.start, ms(t["stamp"]))) }
            default: break
            }
        }
        for o in open.values { lifetimes.append((o.node, o.level, o.name, o.start, nil)) }
        let reused = Dictionary(grouping: lifetimes, by: { "\($0.node)|\($0.level)" }).filter { $0.value.count > 1 }
        #expect(!reused.isEmpty, "the workload reuses labels")
        var checked = 0
        for (_, holders) in reused {
            for h in holders {
                guard let start = h.start else { continue }
                let instant = h.stop.map { start + ($0 - start) / 2 } ?? start + 1
                let expected = Set(lifetimes.filter {
                    $0.node == h.node && $0.level == h.level && ($0.start ?? Int64.min) <= instant && instant < ($0.stop ?? Int64.max)
                }.map(\.name))
                let query = LabelQuery(level: try MLSLevel.parse(h.level), at: instant, nodes: f.multiNode ? [h.node] : [])
                let rows = try Self.rows { try query.run(StoreReader(f.probe.database), row: $0) }
                let found = Set(rows.compactMap { if case .string(let n)? = $0["vm"] { return n } else { return nil } })
                #expect(found == expected, "label \(h.level) at \(instant) on \(h.node)")
                checked += 1
            }
            let history = try Self.rows { try LabelQuery(level: try MLSLevel.parse(holders[0].level), nodes: f.multiNode ? [holders[0].node] : []).run(StoreReader(f.probe.database), row: $0) }
            #expect(history.count == holders.count, "the full history of \(holders[0].level)")
        }
        #expect(checked > 0)
    }

    @Test func crossGuestPairsStatsAndFiltersAgreeWithTheTruth() throws {
        let f = try Self.fixture(nodes: 1, seed: 45)
        var pairs: [String: Int] = [:]
        for t in f.truth where t["kind"] as? String == "cross-guest" {
            let source = t["source_vm"] as! String
            pairs["\(source)->\(Self.names(t["target_vm"]).joined(separator: ","))", default: 0] += 1
        }
        var filter = DenialFilter()
        filter.kinds = ["cross-guest"]
        let rows = try Self.rows { try CrossGuestQuery(filter: filter).run(StoreReader(f.probe.database), row: $0) }
        var found: [String: Int] = [:]
        for row in rows {
            guard case .int(let count)? = row["count"] else { continue }
            // One type per key: a collision is null in target_vm and every candidate in target_vms.
            let source = row["source_vm"].flatMap { $0.names }?.joined(separator: ",") ?? "?"
            var target = row["target_vm"].flatMap { $0.names }?.joined(separator: ",") ?? "?"
            if row["target_vm"] == .null, let all = row["target_vms"]?.names, all.count > 1 {
                target = all.joined(separator: ",")
                #expect(row["target_uuid"] == .null)
                #expect(row["target_uuids"]?.names?.count == all.count)
            }
            found["\(source)->\(target)", default: 0] += Int(count)
        }
        #expect(found == pairs)

        let stats = try Self.rows { try StatsQuery().run(StoreReader(f.probe.database), row: $0) }
        // host-other also counts the USER_AVC noise, which the truth file leaves out.
        for kind in ["cross-guest", "guest-host", "needs-boolean", "stale-image", "shared-content-write"] {
            let expected = f.truth.filter { $0["kind"] as? String == kind }.count
            let row = stats.first { $0["section"] == .string("kind") && $0["name"] == .string(kind) }
            #expect(row?["count"] == .int(Int64(expected)), "stats \(kind)")
        }

        // Time window: the middle third of the log.
        let times = f.truth.compactMap { ($0["stamp"] as? String).flatMap { Double($0.split(separator: ":")[0]) } }.sorted()
        let since = Int64(times[times.count / 3] * 1000), until = Int64(times[2 * times.count / 3] * 1000)
        var window = DenialFilter()
        window.kinds = ["cross-guest"]
        window.since = since
        window.until = until
        let inWindow = f.truth.filter {
            guard $0["kind"] as? String == "cross-guest", let s = $0["stamp"] as? String, let v = Double(s.split(separator: ":")[0]) else { return false }
            let ms = Int64((v * 1000).rounded())
            return ms >= since && ms < until
        }.count
        #expect(try Self.rows { try DenialQuery(filter: window).run(StoreReader(f.probe.database), row: $0) }.count == inWindow)

        // --vm with --as target, and --perm.
        let victim = f.truth.first { $0["kind"] as? String == "cross-guest" }!["target_vm"] as! String
        var asTarget = DenialFilter()
        asTarget.vm = victim
        asTarget.side = .target
        let expectedTarget = f.truth.filter { Self.names($0["target_vm"]).contains(victim) }.count
        #expect(try Self.rows { try DenialQuery(filter: asTarget).run(StoreReader(f.probe.database), row: $0) }.count == expectedTarget)
        var writes = DenialFilter()
        writes.kinds = ["cross-guest"]
        writes.perms = ["write"]
        let expectedWrites = f.truth.filter { $0["kind"] as? String == "cross-guest" && (($0["perms"] as? [String]) ?? []).contains("write") }.count
        #expect(try Self.rows { try DenialQuery(filter: writes).run(StoreReader(f.probe.database), row: $0) }.count == expectedWrites)
        var glob = DenialFilter()
        glob.pathGlob = "/dev/mapper/*"
        let expectedGlob = f.truth.filter { ($0["path"] as? String)?.hasPrefix("/dev/mapper/") == true }.count
        #expect(try Self.rows { try DenialQuery(filter: glob).run(StoreReader(f.probe.database), row: $0) }.count == expectedGlob)
        var permissive = DenialFilter()
        permissive.permissive = true
        permissive.kinds = ["cross-guest", "guest-host"]
        let expectedPermissive = f.truth.filter { ["cross-guest", "guest-host"].contains($0["kind"] as? String) && ($0["permissive"] as? Int) == 1 }.count
        #expect(try Self.rows { try DenialQuery(filter: permissive).run(StoreReader(f.probe.database), row: $0) }.count == expectedPermissive)
    }

    /// libauparse reads no record of an event at time 0 (nor its time stamp): its interpreted
    /// form was "type=AVC msg=audit() : ", which passes for a record without fields. It is null,
    /// as for any record auparse cannot read; the raw record is there.
    @Test func aRecordAuparseCannotReadHasNoInterpretedForm() throws {
        let folder = try Fixtures.temporaryFolder("epoch0")
        let log = folder.appendingPathComponent("a.log")
        let avc = { (stamp: String) in "type=AVC msg=audit(\(stamp)): avc:  denied  { read } for  pid=7 comm=\"qemu-kvm\" name=\"disk\" scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0" }
        try (avc("0.000:5") + "\n" + avc("1.000:6") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let probe = try StoreProbe()
        try probe.ingest([log.path])
        func evidence(_ serial: Int64) throws -> [[String: OutputValue]] {
            try Self.rows { try EvidenceQuery(reference: EventReference(node: nil, serial: serial)).run(StoreReader(probe.database), row: $0) }
        }
        let first = try evidence(5)
        #expect(first.first?["interpreted"] == .null, "\(first)")
        #expect(first.first?["raw"] == .string(avc("0.000:5")))
        let second = try evidence(6).first?["interpreted"]
        #expect({ if case .string(let s)? = second { s.contains("seperms=read") } else { false } }(), "\(String(describing: second))")
    }

    @Test func guestTimelineEvidenceAndExplain() throws {
        let f = try Self.fixture(nodes: 1, seed: 46)
        let attack = f.truth.first { $0["kind"] as? String == "cross-guest" }!
        let source = attack["source_vm"] as! String
        let rows = try Self.rows { try GuestTimelineQuery(guest: GuestSelector(source)).run(StoreReader(f.probe.database), row: $0) }
        let asSource = rows.filter { $0["event"] == .string("denial-as-source") }.count
        #expect(asSource == f.truth.filter { $0["source_vm"] as? String == source }.count)
        let asTarget = rows.filter { $0["event"] == .string("denial-as-target") }.count
        #expect(asTarget == f.truth.filter { Self.names($0["target_vm"]).contains(source) }.count)
        #expect(rows.contains { $0["event"] == .string("label-start") })
        let times = rows.compactMap { row -> String? in if case .string(let t)? = row["time"] { return t } else { return nil } }
        #expect(times == times.sorted(), "oldest first")

        let serial = Int64((attack["stamp"] as! String).split(separator: ":")[1])!
        let evidence = try Self.rows { try EvidenceQuery(reference: EventReference(node: nil, serial: serial)).run(StoreReader(f.probe.database), row: $0) }
        #expect(evidence.first?["type"] == .string("AVC"))
        #expect(evidence.contains { if case .string(let s)? = $0["interpreted"] { return s.contains("syscall=openat") || s.contains("syscall=ptrace") || s.contains("syscall=kill") } else { return false } })
        let raw = try String(contentsOf: f.workload.log, encoding: .utf8)
        for row in evidence {
            guard case .string(let line)? = row["raw"] else { continue }
            #expect(raw.contains(line + "\n"), "stored exactly as logged")
        }
        let explain = try Self.rows { try ExplainQuery(reference: EventReference(node: nil, serial: serial)).run(StoreReader(f.probe.database), row: $0) }
        guard case .string(let reason)? = explain.first?["reason"], case .strings(let advice)? = explain.first?["advice"] else {
            Issue.record("no explanation")
            return
        }
        #expect(reason.contains("do not dominate"))
        #expect(advice.contains { $0.contains("Investigate guest \(source)") })
        #expect(advice.contains { $0.contains("Do not write an allow rule") })
        #expect(!advice.contains { $0.contains("audit2allow -") || $0.hasPrefix("audit2allow") })
    }
}

/// Reports answered from the running totals give what a scan of the denials gives.
@Suite struct TotalsTests {
    @Test func totalsAndScansAgree() throws {
        let f = try QueryTests.fixture(nodes: 3, seed: 47)
        let fromTotals = try QueryTests.rows { try CrossGuestQuery().run(StoreReader(f.probe.database), row: $0) }
        // A filter that keeps everything forces the scan.
        var everything = DenialFilter()
        everything.since = 0
        #expect(!CrossGuestQuery(filter: everything).usesTotals)
        #expect(CrossGuestQuery().usesTotals)
        let fromScan = try QueryTests.rows { try CrossGuestQuery(filter: everything).run(StoreReader(f.probe.database), row: $0) }
        #expect(fromTotals.count == fromScan.count)
        func keyed(_ rows: [[String: OutputValue]]) -> [String: OutputValue] {
            Dictionary(uniqueKeysWithValues: rows.map { row in
                ("\(row["source_uuid"] ?? .null)|\(row["target_uuid"] ?? .null)|\(row["source_vm"] ?? .null)|\(row["target_vm"] ?? .null)",
                 .strings(["count", "perms", "tclasses", "nodes", "first_seen", "last_seen", "permissive", "sample_path"]
                     .map { "\(row[$0] ?? .null)" }))
            })
        }
        let a = keyed(fromTotals), b = keyed(fromScan)
        for key in a.keys.sorted() where a[key] != b[key] {
            Issue.record("pair \(key): totals \(a[key] ?? .null) scan \(b[key] ?? .null)")
            break
        }
        #expect(a == b)
        let statsTotals = try QueryTests.rows { try StatsQuery().run(StoreReader(f.probe.database), row: $0) }
        let statsScan = try QueryTests.rows { try StatsQuery(filter: everything).run(StoreReader(f.probe.database), row: $0) }
        // A filtered report's parse errors say that no filter applies to them; the counts agree.
        func text(_ rows: [[String: OutputValue]]) -> [String] {
            rows.filter { $0["section"] != .string("node") }
                .map { row in
                    row.filter { !($0.key == "note" && row["section"] == .string("parse-errors")) }
                        .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
                }.sorted()
        }
        #expect(text(statsTotals) == text(statsScan))
        let scannedErrors = statsScan.filter { $0["section"] == .string("parse-errors") }
        #expect(!scannedErrors.isEmpty && scannedErrors.allSatisfy { $0["note"] != .null && $0["note"] != nil })
        #expect(text(statsTotals).count > 5)

        // --node: that node's row alone, with the count the unfiltered report gives it.
        let nodeRows = statsTotals.filter { $0["section"] == .string("node") }
        #expect(nodeRows.count == 3)
        for row in nodeRows {
            guard case .string(let node)? = row["name"] else { continue }
            var one = DenialFilter()
            one.nodes = [node]
            let filtered = try QueryTests.rows { try StatsQuery(filter: one).run(StoreReader(f.probe.database), row: $0) }
                .filter { $0["section"] == .string("node") }
            #expect(filtered.count == 1 && filtered.first?["name"] == row["name"] && filtered.first?["count"] == row["count"],
                    "\(node): \(filtered)")
        }
    }
}
