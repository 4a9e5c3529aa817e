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

    /// A node spelt two ways (NFC and NFD) is two nodes to audit_events; the writer's mark of the
    /// newest event stored per node and the node totals merged them, so a log holding the second
    /// spelling's events again was taken as past everything stored, inserted anew, and refused
    /// by the unique index at every retry (exit 4, nothing more stored from that file).
    @Test func aNodeSpeltTwoWaysKeepsItsOwnMarkAndAReReadIsSkipped() throws {
        let folder = try Fixtures.temporaryFolder("exact-nodes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let composed = "h\u{F4}te", decomposed = "ho\u{302}te"
        func boot(_ node: String, _ stamp: String) -> String {
            "node=\(node) type=SYSTEM_BOOT msg=audit(\(stamp)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=success'"
        }
        var x = [boot(decomposed, "1764000000.500:5001")]
        for i in 0..<3 {
            x.append("node=\(decomposed) type=AVC msg=audit(\(1_764_000_001 + i).500:\(5002 + i)): avc:  denied  { read } for  pid=4000 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c7,c8 tclass=file permissive=0")
        }
        // The other spelling's event first, earlier in time; then the very lines stored already.
        let y = [boot(composed, "1763990000.500:10")] + x
        let first = folder.appendingPathComponent("x.log"), second = folder.appendingPathComponent("y.log")
        try (x.joined(separator: "\n") + "\n").write(to: first, atomically: true, encoding: .utf8)
        try (y.joined(separator: "\n") + "\n").write(to: second, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let a = try StoreCLI.run(["ingest", "--db", db, first.path])
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stderr.contains("4 events stored"), "\(a.stderr)")
        let b = try StoreCLI.run(["ingest", "--db", db, second.path])
        #expect(b.status == 0, "\(b.stderr)")
        #expect(b.stderr.contains("1 events stored") && b.stderr.contains("4 already stored"), "\(b.stderr)")
    }

    /// The correlator keyed its per-node maps (labels held, open leases, coverage) by String: a
    /// host spelt in NFC and one spelt in NFD were one node to it, so two guests on the same
    /// label on the two hosts collided and their denials were ambiguous. Two such hosts must be
    /// judged exactly as two hosts with plain names are, their status XML folders included (a
    /// String set of the folder's nodes gave only one of the two spellings its snapshot), and so
    /// must their pairs' node lists (pair_totals' sets were String sets too).
    @Test func guestsOfTwoHostsSpeltInTwoNormalizationsDoNotCollide() throws {
        var options = Workload.Options(events: 3000, seed: 23, nodes: 1)
        options.interleave = 0
        options.virtPerMille = 200
        let work = try Workload.generate(options)
        let lines = try String(contentsOf: work.log, encoding: .utf8).split(separator: "\n")
        let folder = try Fixtures.temporaryFolder("exact-node-maps")
        defer { try? FileManager.default.removeItem(at: folder) }
        func judged(_ first: String, _ second: String) throws -> [String] {
            let log = folder.appendingPathComponent("\(UUID().uuidString).log")
            try ([first, second].flatMap { node in lines.map { "node=\(node) \($0)" } }.joined(separator: "\n") + "\n")
                .write(to: log, atomically: true, encoding: .utf8)
            // libvirt's status XML, a folder per node: each node's snapshot anchors its coverage.
            let state = log.path + ".run"
            for node in [first, second] {
                try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: work.rundir.path, toPath: state + "/" + node)
            }
            let db = log.path + ".db"
            let ingest = try StoreCLI.run(["ingest", "--db", db, "--libvirt-state", state, log.path])
            #expect(ingest.status == 0, "\(ingest.stderr)")
            var out: [String] = []
            // cross-guest: pair_totals lists a pair's nodes, which a String set merged.
            for query in [["stats"], ["events", "--kind", "label-collision"], ["cross-guest"]] {
                let run = try StoreCLI.run(["query"] + query + ["--db", db, "--format", "jsonl"])
                // 1: nothing matched (ausearch's habit), as for no collision at all.
                #expect(run.status == 0 || (run.status == 1 && run.stdout.isEmpty), "\(run.stderr)")
                // Node names aside: they differ between the two pairs by design.
                out += run.stdout.split(separator: "\n").map {
                    $0.replacingOccurrences(of: first, with: "A", options: .literal)
                        .replacingOccurrences(of: second, with: "B", options: .literal)
                }.filter { !$0.contains("\"section\":\"node\"") }
            }
            // Sorted: rows of one time are listed by node name, whose byte order differs here.
            return out.sorted()
        }
        // Named so that the second sorts first by bytes, as the NFD spelling does.
        let plain = try judged("hote-b", "hote-a")
        let spelt = try judged("h\u{F4}te", "ho\u{302}te")
        #expect(!plain.isEmpty)
        #expect(spelt == plain, "\(spelt.count) lines against \(plain.count); first difference: \(zip(spelt, plain).first { $0 != $1 }.map { "\($0) / \($1)" } ?? "-")")
    }
}
