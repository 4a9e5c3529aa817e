import Foundation
import Testing
import TestSupport

/// The digest lists ties in one order, whatever process writes it: Swift seeds its hashing per
/// process, so an order taken from a dictionary changed from one run to the next.
@Suite struct DigestOrderTests {
    /// Two hosts, each with a guest named web and one named evil (four uuids); each evil reads
    /// its own host's web once. Every guest then has one denial: a four-way tie in the list of
    /// guests, two names held by two uuids each.
    static let db: String = {
        do {
            let folder = try Fixtures.temporaryFolder("digest-order")
            var lines: [String] = []
            var serial = 100
            func virt(_ node: String, _ type: String, _ body: String) -> String {
                serial += 1
                return "node=\(node) type=\(type) msg=audit(1764000000.100:\(serial)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='\(body) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'"
            }
            for (n, node) in ["hv01", "hv02"].enumerated() {
                for (name, uuid, level) in [("web", "5b0cbd7a-0000-4000-8000-00000000000\(2 * n + 1)", "s0:c3,c4"),
                                            ("evil", "5b0cbd7a-0000-4000-8000-00000000000\(2 * n + 2)", "s0:c1,c2")] {
                    let vm = "virt=kvm vm=\"\(name)\" uuid=\(uuid)"
                    lines.append(virt(node, "VIRT_MACHINE_ID", "\(vm) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux"))
                    lines.append(virt(node, "VIRT_CONTROL", "virt=kvm op=start reason=booted \(vm) vm-pid=4242"))
                }
                serial += 1
                lines.append("node=\(node) type=AVC msg=audit(1764000010.500:\(serial)): avc:  denied  { read } for  pid=4242 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0")
            }
            let file = folder.appendingPathComponent("audit.log")
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let db = folder.appendingPathComponent("order.db").path
            let r = try Binary.run(["ingest", "--db", db, file.path])
            precondition(r.status == 0, "ingest failed: \(r.stderr)")
            return db
        } catch {
            fatalError("cannot build the order fixture: \(error)")
        }
    }()

    @Test func tiedGuestsAreListedByNameThenUuidInEveryRun() throws {
        var outputs: Set<String> = []
        var order: [String] = []
        for _ in 0..<6 {
            let r = try Binary.run(["digest", "--db", Self.db, "--period", "2025-11-24T00:00:00Z..2025-11-26T00:00:00Z",
                                    "--format", "text", "--detail", "med"], environment: ["TZ": "UTC"])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.insert(r.stdout)
            let guests = r.stdout.components(separatedBy: "Most denials").last?.components(separatedBy: "Seen for the first time").first ?? ""
            order = guests.split(separator: "\n").compactMap { line in
                line.firstRange(of: "5b0cbd7a-0000-4000-8000-00000000000").map { String(line[$0.upperBound...].prefix(1)) }
            }
        }
        #expect(outputs.count == 1, "the digest changed from one run to the next")
        // evil (uuids 2 and 4), then web (1 and 3).
        #expect(order == ["2", "4", "1", "3"], "\(order)")
    }
}
