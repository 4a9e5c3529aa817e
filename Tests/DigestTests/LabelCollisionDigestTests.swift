import Foundation
import Testing
import TestSupport

/// A label collision leaves a denial with several candidate guests on one side. The digest and
/// a guest's timeline named the first candidate by name alone, so a report read "evil -> db"
/// where the log cannot tell db from web, and web's count of denials left it out.
@Suite struct LabelCollisionDigestTests {
    /// web and db both hold s0:c3,c4 (db started while web ran); evil reads an image of that
    /// label; a process of no known pid under s0:c3,c4 writes a host file.
    static let db: String = {
        do {
            let folder = try Fixtures.temporaryFolder("digest-collision")
            var lines: [String] = []
            var serial = 100
            func virt(_ type: String, _ body: String) -> String {
                serial += 1
                return "node=hv01 type=\(type) msg=audit(1764000000.\(serial):\(serial)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='\(body) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'"
            }
            for (name, uuid, level, pid) in [("web", "5b0cbd7a-0000-4000-8000-000000000001", "s0:c3,c4", 4241),
                                             ("db", "5b0cbd7a-0000-4000-8000-000000000002", "s0:c3,c4", 4242),
                                             ("evil", "5b0cbd7a-0000-4000-8000-000000000003", "s0:c1,c2", 4243)] {
                let vm = "virt=kvm vm=\"\(name)\" uuid=\(uuid)"
                lines.append(virt("VIRT_MACHINE_ID", "\(vm) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux"))
                lines.append(virt("VIRT_CONTROL", "virt=kvm op=start reason=booted \(vm) vm-pid=\(pid)"))
            }
            lines.append("node=hv01 type=AVC msg=audit(1764000010.500:200): avc:  denied  { read } for  pid=4243 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0")
            lines.append("node=hv01 type=AVC msg=audit(1764000012.500:202): avc:  denied  { write } for  pid=9999 comm=\"qemu-kvm\" name=\"passwd\" dev=\"dm-0\" ino=3 scontext=system_u:system_r:svirt_t:s0:c3,c4 tcontext=system_u:object_r:etc_t:s0 tclass=file permissive=0")
            let file = folder.appendingPathComponent("audit.log")
            try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            let db = folder.appendingPathComponent("collision.db").path
            let r = try Binary.run(["ingest", "--db", db, file.path])
            precondition(r.status == 0, "ingest failed: \(r.stderr)")
            return db
        } catch {
            fatalError("cannot build the collision fixture: \(error)")
        }
    }()

    static func digest(_ format: String) throws -> String {
        let r = try Binary.run(["digest", "--db", db, "--period", "2025-11-24T00:00:00Z..2025-11-26T00:00:00Z",
                                "--format", format, "--detail", "high"], environment: ["TZ": "UTC"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func theDigestNamesEveryCandidateAndCountsTheDenialForEach() throws {
        let text = try Self.digest("text")
        #expect(text.contains("evil -> one of db, web: 1x read"), "\(text)")
        #expect(text.contains("one of db, web -> etc_t: 1x write on file"), "\(text)")
        // No follow-up names one candidate's uuid for the pair.
        let pairs = text.components(separatedBy: "2. Cross-guest").last?.components(separatedBy: "3. Guest-host").first ?? ""
        #expect(!pairs.contains("who-touched"), "\(pairs)")
        // Each candidate counts the denials it may have done or suffered.
        let guests = text.components(separatedBy: "Most denials").last?.components(separatedBy: "Seen for the first time").first ?? ""
        let counts = guests.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.count == 4 && words[2] == "/" ? words.joined(separator: " ") : nil
        }
        #expect(Set(counts) == ["db 1 / 1", "web 1 / 1", "evil 1 / 0"], "\(guests)")

        let html = try Self.digest("html")
        #expect(html.contains("one of db, web"), "the HTML digest")
    }

    @Test func aGuestsTimelineNamesEveryCandidatePeer() throws {
        let r = try Binary.run(["query", "guest", "--db", Self.db, "evil", "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let peers = r.stdout.split(separator: "\n").compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["event"] as? String == "denial-as-source" ? object?["peer"] as? String : nil
        }
        #expect(peers == ["db,web"], "\(r.stdout)")
    }
}
