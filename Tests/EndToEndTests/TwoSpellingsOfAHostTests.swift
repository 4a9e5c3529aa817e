import Foundation
import Testing
import TestSupport

/// auditd writes a node's name as bytes, and two hosts whose names differ only in Unicode
/// normalization (NFC `hôte`, NFD `hôte`) are two hosts to the stores. Every report, the digest
/// and watch's alerts must then say of them what they say of two plainly named hosts: Swift's
/// String equality (canonical equivalence) merged them in maps, sets and comparisons.
@Suite struct TwoSpellingsOfAHostTests {
    /// Both hosts run a guest web (c3,c4) and a guest evil (c1,c2) of the same uuids, and on both
    /// evil reads web's disk, in events of one serial and time stamp. Only the first host logged
    /// a SYSTEM_BOOT (with `boot`), so only its lease data is complete; without, neither's is.
    static func log(_ first: String, _ second: String, boot: Bool) -> String {
        var lines: [String] = []
        var serial = 10
        func virt(_ node: String, _ type: String, _ body: String) -> String {
            serial += 1
            return "node=\(node) type=\(type) msg=audit(1764000000.100:\(serial)): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='\(body) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'"
        }
        if boot { lines.append("node=\(first) type=SYSTEM_BOOT msg=audit(1764000000.000:5): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg=' comm=\"systemd-update-utmp\" exe=\"/usr/lib/systemd/systemd-update-utmp\" hostname=? addr=? terminal=? res=success'") }
        for node in [first, second] {
            for (name, uuid, level) in [("web", "5b0cbd7a-0000-4000-8000-00000000000a", "s0:c3,c4"),
                                        ("evil", "5b0cbd7a-0000-4000-8000-00000000000b", "s0:c1,c2")] {
                let vm = "virt=kvm vm=\"\(name)\" uuid=\(uuid)"
                lines.append(virt(node, "VIRT_MACHINE_ID", "\(vm) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux"))
                lines.append(virt(node, "VIRT_CONTROL", "virt=kvm op=start reason=booted \(vm) vm-pid=4242"))
            }
        }
        for node in [first, second] {
            lines.append("node=\(node) type=AVC msg=audit(1764000001.500:31): avc:  denied  { read } for  pid=4242 comm=\"qemu-kvm\" name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What the reports, the digest and watch say, with the two names replaced by A and B.
    static func said(_ first: String, _ second: String, boot: Bool, in folder: URL) throws -> [String] {
        let log = folder.appendingPathComponent("\(UUID().uuidString).log")
        try Self.log(first, second, boot: boot).write(to: log, atomically: true, encoding: .utf8)
        let db = log.path + ".db"
        let ingest = try Binary.run(["ingest", "--config", "/dev/null", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        func named(_ text: String) -> String {
            text.replacingOccurrences(of: log.path, with: "LOG", options: .literal)
                .replacingOccurrences(of: first, with: "A", options: .literal).replacingOccurrences(of: second, with: "B", options: .literal)
        }
        var out: [String] = []
        for report in [["coverage"], ["posture"], ["who-touched", "5b0cbd7a-0000-4000-8000-00000000000a"], ["evidence", "31"],
                       ["explain", "31"], ["guest", "web"], ["denials"], ["events"], ["cross-guest"], ["stats"]] {
            let run = try Binary.run(["query"] + report + ["--config", "/dev/null", "--db", db, "--format", "jsonl"])
            #expect(run.status == 0, "\(report): \(run.stderr)")
            out += run.stdout.split(separator: "\n").map { "\(report[0]) " + named(String($0)) }
            if ["evidence", "explain"].contains(report[0]) { out.append("\(report[0]) stderr " + named(run.stderr)) }
        }
        // One block per event in prose too.
        let evidence = try Binary.run(["query", "evidence", "31", "--config", "/dev/null", "--db", db, "--format", "table"])
        out.append("evidence blocks \(evidence.stdout.components(separatedBy: "\nevent ").count + (evidence.stdout.hasPrefix("event ") ? 0 : -1))")
        let digest = try Binary.run(["digest", "--period", "2025-11-24T00:00:00Z..2025-11-26T00:00:00Z", "--format", "text", "--config", "/dev/null"],
                                    environment: ["SVIRT_TRACE_DB": db, "TZ": "UTC"])
        #expect(digest.status == 0, "\(digest.stderr)")
        out += digest.stdout.split(separator: "\n").map { "digest " + named(String($0)) }
        let watch = try Binary.run(["watch", "--stdin", "--config", "/dev/null", "--db", log.path + ".watch.db", "--format", "json"],
                                   stdin: Data(Self.log(first, second, boot: boot).utf8))
        #expect(watch.status == 0, "\(watch.stderr)")
        out += watch.stdout.split(separator: "\n").map { "alert " + named(String($0)) }
        return out
    }

    @Test(arguments: [true, false])
    func everyReportTheDigestAndWatchTellTheTwoHostsApart(boot: Bool) throws {
        let folder = try Fixtures.temporaryFolder("two-spellings")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Named so that the second sorts first by bytes, as the NFD spelling does; of one width,
        // so that the digest's columns line up alike.
        let plain = try Self.said("hotb", "hota", boot: boot, in: folder)
        let spelt = try Self.said("h\u{F4}te", "ho\u{302}te", boot: boot, in: folder)
        #expect(plain.filter { $0.hasPrefix("alert ") }.count >= 2, "an alert per host: \(plain.filter { $0.hasPrefix("alert ") })")
        #expect(plain.contains("evidence blocks 2"), "\(plain.filter { $0.hasPrefix("evidence") })")
        #expect(spelt.count == plain.count, "\(spelt.count) lines against \(plain.count)")
        let missing = plain.filter { !spelt.contains($0) }, extra = spelt.filter { !plain.contains($0) }
        #expect(missing.isEmpty && extra.isEmpty, "only for plain names:\n\(missing.joined(separator: "\n"))\nonly for the two spellings:\n\(extra.joined(separator: "\n"))")
        #expect(spelt == plain, "the same lines, in the same order")
    }
}
