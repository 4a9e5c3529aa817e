import Foundation
import Testing
import Reports
import TestSupport

/// Capped digest lists: every kind keeps its place whatever another kind holds, counts are the
/// period's totals, and every cut says how much it left out.
@Suite struct DigestCapsTests {
    /// web01 reads 30 NFS files (needs-boolean virt_use_nfs, one row each) and 3 stale images.
    static let db: String = {
        do {
            let folder = try Fixtures.temporaryFolder("digest-caps")
            var log = PostureLog()
            log.start("web01", "00000000-0000-0000-0000-000000000001", selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
            func avc(type: String, name: String) {
                log.lines.append("type=AVC msg=audit(\(log.stamp())): avc:  denied  { read } for  pid=1000 comm=\"qemu-kvm\" name=\"\(name)\" dev=\"sda1\" ino=\(log.serial) scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:\(type):s0 tclass=file permissive=0")
            }
            for i in 0..<30 { avc(type: "nfs_t", name: "/mnt/nfs/disk\(i).img") }
            for i in 0..<3 { avc(type: "virt_image_t", name: "/var/lib/libvirt/images/old\(i).img") }
            let file = folder.appendingPathComponent("audit.log")
            try log.text.write(to: file, atomically: true, encoding: .utf8)
            let db = folder.appendingPathComponent("caps.db").path
            let r = try Binary.run(["ingest", "--db", db, file.path])
            precondition(r.status == 0, "ingest failed: \(r.stderr)")
            return db
        } catch {
            fatalError("cannot build the caps fixture: \(error)")
        }
    }()

    static func digest(_ format: String, detail: String) throws -> String {
        let r = try Binary.run(["digest", "--db", db, "--period", "2025-11-24T00:00:00Z..2025-11-25T00:00:00Z",
                                "--format", format, "--detail", detail], environment: ["TZ": "UTC"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test(arguments: ["low", "med"])
    func aBusyBooleanLeavesStaleImagesTheirPlaceAndCountsItsTotal(detail: String) throws {
        let text = try Self.digest("text", detail: detail)
        let shown = detail == "low" ? 5 : 20
        #expect(text.contains("needs-boolean virt_use_nfs: 1 guest, 30 denials"), "\(text)")
        #expect(text.contains("... and \(30 - shown) more guests and objects"))
        #expect(text.components(separatedBy: "stale-image: web01 -> /var/lib/libvirt/images/old").count - 1 == 3)
        let html = try Self.digest("html", detail: detail)
        #expect(html.contains("30 denials"))
        #expect(html.contains("... and \(30 - shown) more guests and objects."))
        #expect(html.components(separatedBy: "/var/lib/libvirt/images/old").count - 1 == 3)
    }

    /// Section 5 caps each kind of change on its own: eight routine boolean flips before a label
    /// collision hid the collision under `--detail low` (helper-104), as a flood of forged
    /// records would.
    @Test func routineChangesLeaveALabelCollisionItsPlace() throws {
        let folder = try Fixtures.temporaryFolder("digest-changes")
        var log = PostureLog()
        log.start("web01", "00000000-0000-0000-0000-000000000001", selinux: PostureLog.svirt("s0:c1,c2"), pid: 1000)
        for i in 0..<8 {
            log.lines.append("type=MAC_CONFIG_CHANGE msg=audit(\(log.stamp())): bool=virt_use_nfs val=\((i + 1) % 2) old_val=\(i % 2) auid=1000 ses=3")
        }
        log.start("web02", "00000000-0000-0000-0000-000000000002", selinux: PostureLog.svirt("s0:c1,c2"), pid: 1001)
        let file = folder.appendingPathComponent("audit.log")
        try log.text.write(to: file, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("changes.db").path
        let r = try Binary.run(["ingest", "--db", db, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        for format in ["text", "html"] {
            let digest = try Binary.run(["digest", "--db", db, "--period", "2025-11-24T00:00:00Z..2025-11-25T00:00:00Z",
                                         "--format", format, "--detail", "low"], environment: ["TZ": "UTC"])
            #expect(digest.status == 0, "\(digest.stderr)")
            let prose = digest.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(prose.contains("web02 took s0:c1,c2, already held by web01"), "\(digest.stdout)")
            #expect(digest.stdout.contains("... and 3 more changes"), "\(digest.stdout)")
            #expect(digest.stdout.components(separatedBy: "virt_use_nfs ").count - 1 == 5, "\(digest.stdout)")
        }
    }

    @Test func highDetailListsEveryRow() throws {
        let text = try Self.digest("text", detail: "high")
        #expect(!text.contains("more guests and objects"))
        #expect(text.components(separatedBy: "/mnt/nfs/disk").count - 1 == 30)
    }

    @Test func levelsOrderLikeNumbers() {
        let levels = ["s0:c10,c11", "s0:c2,c10", "s0:c2,c3", "s0", "s0:c002,c3"]
        let sorted = levels.sorted { LabelOrder(level: $0) < LabelOrder(level: $1) }
        #expect(sorted == ["s0", "s0:c002,c3", "s0:c2,c3", "s0:c2,c10", "s0:c10,c11"])
        #expect(LabelOrder(level: "s0:c9") < LabelOrder(level: "s0:c10"))
        #expect(LabelOrder(level: "s0:c99999999999999999999999") > LabelOrder(level: "s0:c1000"))
    }
}
