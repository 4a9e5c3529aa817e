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

    /// Two hosts (named `hv,01` and `50%2C` unless given), each running web (c3,c4) and evil (c1,c2), and
    /// evil reading web's disk on both: the last line is a third attempt, on the first host.
    static func commaNodeLog(_ hosts: (String, String) = ("hv,01", "50%2C"), tclass: String = "file") -> [String] {
        func virt(_ node: String, _ type: String, _ serial: Int, _ body: String) -> String {
            "node=\(node) type=\(type) msg=audit(1764000000.100:\(serial)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='\(body) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'"
        }
        // The same two guests on both hosts: web (c3,c4) and the attacker, evil (c1,c2).
        func starts(_ node: String, _ serial: Int) -> [String] {
            [("web", "5b0cbd7a-0000-4000-8000-00000000000a", "s0:c3,c4", 0), ("evil", "5b0cbd7a-0000-4000-8000-00000000000b", "s0:c1,c2", 2)].flatMap { g in
                let vm = "virt=kvm vm=\"\(g.0)\" uuid=\(g.1)"
                return [virt(node, "VIRT_MACHINE_ID", serial + g.3, "\(vm) vm-ctx=system_u:system_r:svirt_t:\(g.2) img-ctx=system_u:object_r:svirt_image_t:\(g.2) model=selinux"),
                        virt(node, "VIRT_CONTROL", serial + g.3 + 1, "virt=kvm op=start reason=booted vm=\"\(g.0)\" uuid=\(g.1) vm-pid=4242")]
            }
        }
        func avc(_ node: String, _ second: Int, _ serial: Int) -> String {
            "node=\(node) type=AVC msg=audit(\(1_764_000_000 + second).500:\(serial)): avc:  denied  { read } for  pid=4242 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=\(tclass) permissive=0"
        }
        return starts(hosts.0, 10) + starts(hosts.1, 20) + [avc(hosts.0, 1, 31), avc(hosts.1, 2, 32), avc(hosts.0, 3, 33)]
    }

    /// Sets of nodes, classes and permissions are stored as one comma-separated text
    /// (`pair_totals`) or read as one (group_concat): a node named `hv,01` was read back as two
    /// nodes, `hv` and `01`, which put the attack on hosts that never saw it.
    @Test func aNodeNameHoldingACommaStaysOneNodeInEveryList() throws {
        let folder = try Fixtures.temporaryFolder("comma-nodes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.log"), second = folder.appendingPathComponent("b.log")
        let log = Self.commaNodeLog()
        try (log.dropLast().joined(separator: "\n") + "\n").write(to: first, atomically: true, encoding: .utf8)
        // A later run adds to the stored row: its sets are read back and merged.
        try (log.last! + "\n").write(to: second, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        for log in [first, second] {
            let ingest = try StoreCLI.run(["ingest", "--db", db, log.path])
            #expect(ingest.status == 0 && ingest.stderr.contains("cross-guest="), "\(ingest.stderr)")
        }
        func nodes(_ args: [String]) throws -> [[String]] {
            let out = try StoreCLI.run(["query"] + args + ["--db", db, "--format", "jsonl"])
            #expect(out.status == 0, "\(out.stderr)")
            return out.stdout.split(separator: "\n").compactMap {
                ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["nodes"] as? [String]
            }
        }
        let expected = [["50%2C", "hv,01"]]
        #expect(try nodes(["cross-guest"]) == expected, "from the running totals")
        #expect(try nodes(["cross-guest", "--since", "2025-01-01"]) == expected, "from the rows")
        #expect(try nodes(["who-touched", "web"]) == expected)
        // A table cell quotes it too.
        let table = try StoreCLI.run(["query", "cross-guest", "-o", "nodes", "--format", "table", "--db", db])
        #expect(table.stdout.contains(#"50%2C,"hv,01""#), "\(table.stdout)")
        // The digest quotes a name that holds a comma.
        let period = ["--period", "2025-11-24T00:00:00Z..2025-11-25T00:00:00Z"]
        let text = try StoreCLI.run(["digest", "--db", db, "--format", "text"] + period)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains(#"on 50%2C,"hv,01""#), "\(text.stdout)")
        let html = try StoreCLI.run(["digest", "--db", db, "--format", "html"] + period)
        #expect(html.stdout.contains("50%2C,&quot;hv,01&quot;"), "\(html.stdout)")
    }

    /// Every path that lists nodes or classes keeps them by their bytes: two spellings of a
    /// host's name (NFC and NFD) are two hosts, and a class holding a comma is one class, in
    /// the running totals and in a scan of the rows alike.
    @Test func listsKeepTwoSpellingsApartAndAClassWithACommaWhole() throws {
        let folder = try Fixtures.temporaryFolder("nfd-nodes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let composed = "h\u{F4}te", decomposed = "ho\u{302}te"
        let log = folder.appendingPathComponent("a.log")
        try (Self.commaNodeLog((composed, decomposed), tclass: "fi,le").joined(separator: "\n") + "\n")
            .write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("s.db").path
        let ingest = try StoreCLI.run(["ingest", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        for args in [["cross-guest"], ["cross-guest", "--since", "2025-01-01"], ["who-touched", "web"]] {
            let out = try StoreCLI.run(["query"] + args + ["--db", db, "--format", "jsonl"])
            let rows = out.stdout.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
            #expect(rows.count == 1, "\(args): \(out.stdout) \(out.stderr)")
            let nodes = (rows.first?["nodes"] as? [String] ?? []).map { Array($0.utf8) }
            #expect(Set(nodes) == [Array(composed.utf8), Array(decomposed.utf8)], "\(args)")
            #expect(rows.first?["tclasses"] as? [String] == ["fi,le"], "\(args)")
        }
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
        #expect(b.stderr.contains("1 event stored") && b.stderr.contains("4 already stored"), "\(b.stderr)")
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
