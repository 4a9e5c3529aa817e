import Foundation
import Testing
import Store
import TestSupport

/// Floods of identical denials (only the stamp differs) are correlated once and stored as runs;
/// nothing about them may differ from correlating each one: a label freed and reused in the middle
/// of a flood names the new holder at once, counts stay exact per minute, every serial is listed.
@Suite struct FloodTests {
    static let uuidA = "11111111-1111-1111-1111-111111111111"
    static let uuidB = "22222222-2222-2222-2222-222222222222"
    static let uuidC = "33333333-3333-3333-3333-333333333333"

    static func machineID(_ t: String, _ serial: Int, vm: String, uuid: String, level: String) -> String {
        "type=VIRT_MACHINE_ID msg=audit(\(t):\(serial)): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg='virt=kvm vm=\"\(vm)\" uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux exe=\"/usr/bin/virtqemud\" hostname=? addr=? terminal=? res=success'"
    }

    static func control(_ t: String, _ serial: Int, op: String, vm: String, uuid: String, pid: Int) -> String {
        "type=VIRT_CONTROL msg=audit(\(t):\(serial)): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg='virt=kvm op=\(op) reason=booted vm=\"\(vm)\" uuid=\(uuid) vm-pid=\(pid) exe=\"/usr/bin/virtqemud\" hostname=? addr=? terminal=? res=success'"
    }

    /// The same AVC text every time: the attacker's label reads B's disk.
    static func attack(_ t: String, _ serial: Int) -> String {
        "type=AVC msg=audit(\(t):\(serial)): avc:  denied  { read } for  pid=4242 comm=\"qemu-kvm\" name=\"b.qcow2\" dev=\"dm-0\" ino=77 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0\n"
            + "type=PROCTITLE msg=audit(\(t):\(serial)): proctitle=71656D75"
    }

    /// A holds s0:c1,c2 and floods B; A stops, C starts with the same label and pid, and floods
    /// B with the very same text.
    static func log() -> String {
        var lines: [String] = []
        var serial = 100
        func next() -> Int { serial += 1; return serial }
        lines.append(machineID("1764000000.000", next(), vm: "guest-b", uuid: uuidB, level: "s0:c3,c4"))
        lines.append(control("1764000000.000", next(), op: "start", vm: "guest-b", uuid: uuidB, pid: 5000))
        lines.append(machineID("1764000000.100", next(), vm: "guest-a", uuid: uuidA, level: "s0:c1,c2"))
        lines.append(control("1764000000.100", next(), op: "start", vm: "guest-a", uuid: uuidA, pid: 4242))
        // 150 denials over 90 s: they cross a minute boundary, so they make at least two runs.
        for i in 0..<150 {
            let ms = 1764000001000 + Int64(i) * 600
            lines.append(attack("\(ms / 1000).\(String(format: "%03d", ms % 1000))", next()))
        }
        lines.append(control("1764000100.000", next(), op: "stop", vm: "guest-a", uuid: uuidA, pid: -1))
        lines.append(machineID("1764000100.500", next(), vm: "guest-c", uuid: uuidC, level: "s0:c1,c2"))
        lines.append(control("1764000100.500", next(), op: "start", vm: "guest-c", uuid: uuidC, pid: 4242))
        for i in 0..<50 {
            let ms = 1764000101000 + Int64(i) * 10
            lines.append(attack("\(ms / 1000).\(String(format: "%03d", ms % 1000))", next()))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aLabelReusedInTheMiddleOfAFloodNamesTheNewHolderAndEveryEventIsCounted() throws {
        let folder = try Fixtures.temporaryFolder("flood")
        let log = folder.appendingPathComponent("audit.log")
        try Self.log().write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("f.db").path
        let r = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(r.status == 0 && r.stderr.contains("200 denials"), "\(r.stderr)")
        let rows = try StoreCLI.run(["query", "denials", "--db", db, "--format", "jsonl"]).stdout
            .split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 200)
        #expect(Set(rows.compactMap { $0["serial"] as? Int }).count == 200, "every event keeps its own serial")
        let bySource = Dictionary(grouping: rows, by: { $0["source_vm"] as? String ?? "?" }).mapValues(\.count)
        #expect(bySource == ["guest-a": 150, "guest-c": 50], "\(bySource)")
        #expect(rows.allSatisfy { $0["kind"] as? String == "cross-guest" && $0["target_vm"] as? String == "guest-b" })
        let probe = try StoreProbe.open(db)
        _ = try probe.tableCounts()
        let runs = try probe.count("SELECT count(*) FROM denial_runs")
        #expect(runs >= 3 && runs <= 5, "folded into a few runs per minute and holder, not \(runs)")
        // Exact counts for any window, also one that cuts a run: 1764000031.000 falls in the first minute's run.
        let window = try StoreCLI.run(["query", "denials", "--db", db, "--format", "jsonl",
                                       "--since", "@1764000031", "--until", "@1764000061"])
        let inWindow = rows.filter { ($0["time"] as? String ?? "") >= "2025-11-24T16:00:31" && ($0["time"] as? String ?? "") < "2025-11-24T16:01:01" }
        #expect(window.stdout.split(separator: "\n").count == inWindow.count)
        #expect(inWindow.count == 50)
        // A guest's timeline lists every event of its runs (one run of one event is read from the
        // run alone, longer ones from audit_events), each with its own serial and time.
        let timeline = try StoreCLI.run(["query", "guest", "guest-b", "--db", db, "--format", "jsonl"]).stdout
            .split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let asTarget = timeline.filter { $0["event"] as? String == "denial-as-target" }
        let evidences = asTarget.compactMap { ($0["detail"] as? [String: Any])?["evidence"] as? String }
        #expect(Set(evidences) == Set(rows.compactMap { ($0["serial"] as? Int).map(String.init) }), "every flood event once")
        #expect(asTarget.compactMap { $0["time"] as? String } == rows.compactMap { $0["time"] as? String }.sorted())
        // Evidence of an event in the middle of a run is its own record, with its own stamp.
        let middle = rows[75]["serial"] as? Int ?? 0
        let evidence = try StoreCLI.run(["query", "evidence", "--db", db, "--format", "jsonl", String(middle)])
        #expect(evidence.stdout.contains(":\(middle)): avc:"), "\(evidence.stdout.prefix(300))")
    }

    /// Two denials of one run in one millisecond, logged with their serials out of order: the
    /// run's ends are ordered by time, then serial, in the row as in memory.
    @Test func aRunsEndsAreOrderedBySerialWithinAMillisecond() throws {
        let folder = try Fixtures.temporaryFolder("flood-ms")
        let log = folder.appendingPathComponent("audit.log")
        let lines = [Self.attack("1764000001.100", 9002), Self.attack("1764000001.100", 9001),
                     Self.attack("1764000001.200", 9004), Self.attack("1764000001.200", 9003)]
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("f.db").path
        let r = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(r.status == 0 && r.stderr.contains("4 denials"), "\(r.stderr)")
        let runs = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count, first_ms, first_serial, last_ms, last_serial FROM denial_runs"])
        #expect(String(decoding: runs.stdout, as: UTF8.self) == "4|1764000001100|9001|1764000001200|9004\n")
    }
}
