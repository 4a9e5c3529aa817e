import Foundation
import Testing
import TestSupport

/// Distinct denials cycling within one minute make runs whose time ranges overlap. The guest
/// timeline and who-touched read their events in one scan of the joint range (probed run by run,
/// they read the minute once per run: 7.4 and 8.7 s for 60,000 denials); every event is listed
/// and counted once.
@Suite struct OverlappingRunsTests {
    static func log(texts: Int, denials: Int) -> (log: String, serials: [Int]) {
        var lines = [FloodTests.machineID("1764000000.000", 101, vm: "guest-b", uuid: FloodTests.uuidB, level: "s0:c3,c4"),
                     FloodTests.control("1764000000.000", 102, op: "start", vm: "guest-b", uuid: FloodTests.uuidB, pid: 5000),
                     FloodTests.machineID("1764000000.100", 103, vm: "guest-a", uuid: FloodTests.uuidA, level: "s0:c1,c2"),
                     FloodTests.control("1764000000.100", 104, op: "start", vm: "guest-a", uuid: FloodTests.uuidA, pid: 4242)]
        var serials: [Int] = []
        for i in 0..<denials {
            let serial = 200 + i
            let ms = 1764000001000 + Int64(i) * 7
            let stamp = "\(ms / 1000).\(String(format: "%03d", ms % 1000)):\(serial)"
            let v = i % texts
            lines.append("type=AVC msg=audit(\(stamp)): avc:  denied  { read } for  pid=4242 comm=\"qemu-kvm\" name=\"b\(v).qcow2\" dev=\"dm-0\" ino=\(77 + v) scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0")
            lines.append("type=PROCTITLE msg=audit(\(stamp)): proctitle=71656D75")
            serials.append(serial)
        }
        return (lines.joined(separator: "\n") + "\n", serials)
    }

    /// A store of 1,000 denials cycling through 25 texts, and their serials.
    static func store(_ label: String) throws -> (db: String, serials: [Int]) {
        let folder = try Fixtures.temporaryFolder(label)
        let log = folder.appendingPathComponent("audit.log")
        let (text, serials) = Self.log(texts: 25, denials: 1_000)
        try text.write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("o.db").path
        let ingest = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(ingest.status == 0 && ingest.stderr.contains("1000 denials (cross-guest=1000)"), "\(ingest.stderr)")
        return (db, serials)
    }

    /// The serials of guest-b's timeline rows as a target, from their evidence ids.
    static func serialsAsTarget(db: String) throws -> [Int] {
        let timeline = try StoreCLI.run(["query", "guest", "guest-b", "--db", db, "--format", "jsonl"])
        #expect(timeline.status == 0, "\(timeline.stderr)")
        return timeline.stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let row = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  row["event"] as? String == "denial-as-target",
                  let evidence = (row["detail"] as? [String: Any])?["evidence"] as? String else { return nil }
            return evidence.split(separator: ":").last.flatMap { Int($0) }
        }
    }

    @Test func theGuestTimelineListsEveryEventOfOverlappingRunsOnce() throws {
        let (db, serials) = try Self.store("overlapping-runs")
        let listed = try Self.serialsAsTarget(db: db)
        #expect(listed.count == serials.count, "\(listed.count) listed of \(serials.count)")
        #expect(listed.sorted() == serials)
        // who-touched reads the crowded minute's runs together and merges what each statement
        // summed up: the count is every denial, or those before a bound inside the minute.
        func touched(_ extra: [String]) throws -> [[String: Any]] {
            let r = try StoreCLI.run(["query", "who-touched", "guest-b", "--db", db, "--format", "jsonl"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        let all = try touched([])
        #expect(all.count == 1 && all.first?["count"] as? Int == serials.count && all.first?["source_vm"] as? String == "guest-a",
                "\(all)")
        #expect(all.first?["first_seen"] as? String == "2025-11-24T16:00:01.000Z" && all.first?["last_seen"] as? String == "2025-11-24T16:00:07.993Z",
                "\(all)")
        // Denial i is at 1764000001000 + 7 i ms: 429 of them lie before 16:00:04.000.
        let early = try touched(["--until", "2025-11-24T16:00:04Z"])
        #expect(early.first?["count"] as? Int == 429, "\(early)")
        // The same from the attacker's side, and the denials listing agrees.
        let attacker = try StoreCLI.run(["query", "guest", "guest-a", "--db", db, "--format", "jsonl"])
        #expect(attacker.stdout.split(separator: "\n").filter { $0.contains("\"denial-as-source\"") }.count == serials.count)
    }

    /// A prune that cuts through the crowded minute leaves each run its share after the cutoff,
    /// and both readers (the joint scan of the timeline, who-touched's crowded-minute sums) count
    /// what remains, exactly.
    @Test func aPruneThroughTheCrowdedMinuteLeavesExactCountsToBothReaders() throws {
        let (db, serials) = try Self.store("overlapping-pruned")
        // One minute before 16:01:04 is 16:00:04.000: denial i is at 16:00:01.000 + 7 i ms, so
        // the first 429 go.
        let prune = try StoreCLI.run(["prune", "--older-than", "1m", "--chunk", "100", "--db", db],
                                     environment: ["SVIRT_TRACE_NOW": "2025-11-24T16:01:04Z"])
        #expect(prune.status == 0, "\(prune.stderr)")
        let kept = Array(serials.dropFirst(429))
        let listed = try Self.serialsAsTarget(db: db)
        #expect(listed.sorted() == kept, "\(listed.count) listed, \(kept.count) kept")
        let touched = try StoreCLI.run(["query", "who-touched", "guest-b", "--db", db, "--format", "jsonl"])
        let rows = touched.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.count == 1 && rows.first?["count"] as? Int == kept.count, "\(rows)")
        #expect(rows.first?["first_seen"] as? String == "2025-11-24T16:00:04.003Z"
                    && rows.first?["last_seen"] as? String == "2025-11-24T16:00:07.993Z", "\(rows)")
        let late = try StoreCLI.run(["query", "who-touched", "guest-b", "--db", db, "--format", "jsonl",
                                     "--since", "2025-11-24T16:00:06Z"])
        // 715 of the denials lie before 16:00:06.000 (i < 714.3): 285 after.
        #expect(late.stdout.contains("\"count\":285"), "\(late.stdout)")
        let stats = try StoreCLI.run(["query", "stats", "--db", db, "--format", "jsonl"])
        #expect(stats.stdout.contains("\"count\":\(kept.count)"), "\(stats.stdout)")
    }
}
