import Foundation
import Testing
import TestSupport

/// `query stats` judges silence against the newest event not stamped after now (helper-71): one
/// node's record stamped far ahead (a wrong clock, a forged record) marked every other node
/// silent, "4193970972 min before the newest".
@Suite struct StatsClockAheadTests {
    static func avc(node: String, stamp: String) -> String {
        "node=\(node) type=AVC msg=audit(\(stamp)): avc:  denied  { read } for  pid=4001 comm=\"qemu-kvm\" name=\"x\" dev=\"dm-0\" ino=12 "
            + "scontext=system_u:system_r:svirt_t:s0:c87,c520 tcontext=system_u:object_r:svirt_image_t:s0:c1,c1023 tclass=file permissive=0\n"
    }

    @Test func aNodeStampedAheadIsFlaggedAndLeavesTheOthersReporting() throws {
        let folder = try Fixtures.temporaryFolder("stats-ahead")
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("audit.log")
        // hv-a and hv-b log at 2025-11-25 03:47; hv-z once, in the year 9999.
        try Data((Self.avc(node: "hv-a", stamp: "1764042450.000:300") + Self.avc(node: "hv-b", stamp: "1764042451.000:301")
                  + Self.avc(node: "hv-z", stamp: "253402300000.000:302")).utf8).write(to: log)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let stats = try Binary.run(["query", "stats", "--config", "/dev/null", "--db", db, "--format", "jsonl"],
                                   environment: ["SVIRT_TRACE_NOW": "2025-11-25T04:00:00Z"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let nodes = stats.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["section"] as? String == "node" }
        let notes = Dictionary(uniqueKeysWithValues: nodes.map { ($0["name"] as? String ?? "", $0["note"] as? String ?? "") })
        #expect(notes["hv-a"] == "" && notes["hv-b"] == "", "\(notes)")
        #expect(notes["hv-z"]?.hasPrefix("clock ahead: last event ") == true, "\(notes)")
    }
}
