import Foundation
import Testing
import TestSupport

/// Distinct denials cycling within one minute make runs whose time ranges overlap. The guest
/// timeline reads their events in one scan of the joint range (probed run by run, it read the
/// minute once per run: 7.4 s for 60,000 denials); every event is listed once.
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

    @Test func theGuestTimelineListsEveryEventOfOverlappingRunsOnce() throws {
        let folder = try Fixtures.temporaryFolder("overlapping-runs")
        let log = folder.appendingPathComponent("audit.log")
        let (text, serials) = Self.log(texts: 25, denials: 1_000)
        try text.write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("o.db").path
        let ingest = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(ingest.status == 0 && ingest.stderr.contains("1000 denials (cross-guest=1000)"), "\(ingest.stderr)")
        let timeline = try StoreCLI.run(["query", "guest", "guest-b", "--db", db, "--format", "jsonl"])
        #expect(timeline.status == 0, "\(timeline.stderr)")
        let listed = timeline.stdout.split(separator: "\n").compactMap { line -> Int? in
            guard let row = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  row["event"] as? String == "denial-as-target",
                  let evidence = (row["detail"] as? [String: Any])?["evidence"] as? String else { return nil }
            return evidence.split(separator: ":").last.flatMap { Int($0) }
        }
        #expect(listed.count == serials.count, "\(listed.count) listed of \(serials.count)")
        #expect(listed.sorted() == serials)
        // The same from the attacker's side, and the denials listing agrees.
        let attacker = try StoreCLI.run(["query", "guest", "guest-a", "--db", db, "--format", "jsonl"])
        #expect(attacker.stdout.split(separator: "\n").filter { $0.contains("\"denial-as-source\"") }.count == serials.count)
    }
}
