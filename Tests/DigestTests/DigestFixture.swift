import Foundation
import Testing
import TestSupport

/// Stores the digests are read from: one from a fixed generated workload (two nodes, seed 3,
/// ENRICHED, status XML), one holding guests with hostile names. Built once per test run.
enum DigestFixture {
    /// The generated workload's only day.
    static let period = "2025-11-25T00:00:00Z..2025-11-26T00:00:00Z"

    static let workloadDB: String = {
        do {
            var options = Workload.Options(events: 6000, seed: 3, nodes: 2, enriched: true)
            // The generator's own denial rate, and enough malformed lines to show parse errors.
            options.virtPerMille = 5
            options.malformedPerMillion = 2000
            let w = try Workload.generate(options)
            let db = w.folder.appendingPathComponent("digest.db").path
            let r = try Binary.run(["ingest", "--db", db, "--libvirt-state", w.rundir.path, w.log.path])
            precondition(r.status == 0, "ingest failed: \(r.stderr)")
            return db
        } catch {
            fatalError("cannot build the digest fixture: \(error)")
        }
    }()

    static let hostileNames = ["<script>alert(1)</script>", "evil\r\nBcc: x@example.com"]

    /// Two guests with hostile names attack each other on 2025-11-28.
    static let hostileDB: String = {
        do {
            let folder = try Fixtures.temporaryFolder("digest-hostile")
            var lines: [String] = []
            var serial = 100
            var time = 1_764_320_000  // 2025-11-28T08:53:20Z
            func stamp() -> String { serial += 1; time += 1; return "\(time).500:\(serial)" }
            func hex(_ s: String) -> String { s.utf8.map { String(format: "%02X", $0) }.joined() }
            for (i, name) in hostileNames.enumerated() {
                let uuid = String(format: "00000000-0000-0000-0000-%012d", i + 1)
                let level = "s0:c\(i + 10),c\(i + 100)"
                lines.append("type=VIRT_MACHINE_ID msg=audit(\(stamp())): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='virt=kvm vm=\(hex(name)) uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
                lines.append("type=VIRT_CONTROL msg=audit(\(stamp())): pid=1 uid=0 auid=4294967295 ses=4294967295 msg='virt=kvm op=start reason=booted vm=\(hex(name)) uuid=\(uuid) vm-pid=\(1000 + i) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
            }
            for i in hostileNames.indices {
                let j = (i + 1) % hostileNames.count
                let s = stamp()
                lines.append("type=AVC msg=audit(\(s)): avc:  denied  { read } for  pid=\(1000 + i) comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c\(i + 10),c\(i + 100) tcontext=system_u:object_r:svirt_image_t:s0:c\(j + 10),c\(j + 100) tclass=file permissive=\(i)")
                lines.append("type=PROCTITLE msg=audit(\(s)): proctitle=71656D75")
            }
            let log = folder.appendingPathComponent("audit.log")
            try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
            let db = folder.appendingPathComponent("hostile.db").path
            let r = try Binary.run(["ingest", "--db", db, log.path])
            precondition(r.status == 0, "ingest failed: \(r.stderr)")
            return db
        } catch {
            fatalError("cannot build the hostile fixture: \(error)")
        }
    }()

    /// A MIME message parsed back by Python's `email` package: headers, and each leaf part's
    /// type, charset, transfer encoding and decoded text; plus the longest raw line.
    static func parseMIME(_ message: String) throws -> [String: Any] {
        let script = """
            import email, email.policy, json, sys
            raw = sys.stdin.buffer.read()
            m = email.message_from_bytes(raw, policy=email.policy.default)
            parts = [{"type": p.get_content_type(), "charset": p.get_content_charset(),
                      "encoding": p["Content-Transfer-Encoding"], "text": p.get_content()}
                     for p in m.walk() if not p.is_multipart()]
            print(json.dumps({"type": m.get_content_type(), "defects": len(m.defects),
                              "headers": [[k, str(v)] for k, v in m.items()],
                              "parts": parts, "longest": max(len(l) for l in raw.split(b"\\r\\n"))}))
            """
        let r = try runProcess("/usr/bin/env", ["python3", "-c", script], stdin: Data(message.utf8))
        #expect(r.status == 0, "python's email parser failed: \(String(decoding: r.stderr, as: UTF8.self))")
        return try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any] ?? [:]
    }

    /// One number straight from the store, to check what the digest says against.
    static func count(_ db: String, _ sql: String) throws -> Int {
        // Other tests of this suite write to the same store (digests sent): wait for their lock
        // rather than read nothing.
        let r = try runProcess("/usr/bin/env", ["sqlite3", "-cmd", ".timeout 10000", db, sql])
        return Int(String(decoding: r.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    static func header(_ parsed: [String: Any], _ name: String) -> [String] {
        (parsed["headers"] as? [[String]] ?? []).filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
    }
}
