import Foundation
import Testing
import TestSupport

/// The store interns repeated strings (comm, exe, paths, contexts, guest names). Swift's String
/// equality is Unicode canonical equivalence, under which "café" spelt with U+00E9 and with
/// e + U+0301 are equal; to the kernel and to an investigator they are different names.
@Suite struct StoreStringExactnessTests {
    @Test func namesThatDifferOnlyInNormalizationKeepTheirOwnBytes() throws {
        let folder = try Fixtures.temporaryFolder("exact-strings")
        defer { try? FileManager.default.removeItem(at: folder) }
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed, "the premise: Swift calls them equal")
        var lines: [String] = []
        for (i, comm) in [composed, decomposed, composed].enumerated() {
            let stamp = "\(1_764_000_000 + i).250:\(700 + i)"
            lines.append("type=AVC msg=audit(\(stamp)): avc:  denied  { read } for  pid=\(4000 + i) comm=\(CommandLineTests.hex(Array(comm.utf8))) name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0")
        }
        let log = folder.appendingPathComponent("a.log")
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let out = try StoreCLI.run(["query", "denials", "--db", db, "--format", "jsonl"])
        #expect(out.status == 0, "\(out.stderr)")
        let rows = out.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        let comms = rows.sorted { ($0["serial"] as? Int ?? 0) < ($1["serial"] as? Int ?? 0) }
            .compactMap { ($0["comm"] as? String).map { Array($0.utf8) } }
        #expect(comms == [Array(composed.utf8), Array(decomposed.utf8), Array(composed.utf8)], "\(rows)")
    }
}
