import Foundation
import Testing
import TestSupport

/// Events rotations split, read in the orders helper-87 tried: the problems found in them are
/// the files' they were read from (they were kept under the first piece's source with the second
/// file's name, and the first piece's, found again in the whole, were counted twice), and a first
/// piece read again once grown keeps what the next files added.
@Suite struct SplitEventProblemTests {
    static let stamp = "1764059294.940:2263"

    static func avc(_ perms: String, scontext: String, tcontext: String, ino: Int) -> String {
        "type=AVC msg=audit(\(stamp)): avc:  denied  { \(perms) } for  pid=3103 comm=\"qemu-kvm\" name=\"tenant006.qcow2\" dev=\"dm-0\" ino=\(ino) scontext=\(scontext) tcontext=\(tcontext) tclass=file permissive=0"
    }

    /// audit.log.1 ends with the event's first AVC (its source context out of range); audit.log
    /// begins with its second AVC (both contexts out of range), SYSCALL and PROCTITLE.
    static func files(in folder: URL) throws -> (older: String, newer: String) {
        let older = [
            "type=DAEMON_START msg=audit(1764059290.000:1): op=start ver=3.1.2 format=raw kernel=6.1.0 auid=4294967295 pid=1 uid=0 ses=4294967295 res=success",
            avc("read", scontext: "system_u:system_r:svirt_t:s0:c242,c2000", tcontext: "system_u:object_r:svirt_image_t:s0:c238,c571", ino: 1),
        ]
        let newer = [
            avc("open", scontext: "system_u:system_r:svirt_t:s0:c242,c3000", tcontext: "system_u:object_r:svirt_image_t:s0:c238,c4000", ino: 2),
            "type=SYSCALL msg=audit(\(stamp)): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=6f45bfc687f a2=80002 a3=0 items=1 ppid=1 pid=3103 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" subj=system_u:system_r:svirt_t:s0:c242,c571 key=(null)",
            "type=PROCTITLE msg=audit(\(stamp)): proctitle=2F7573722F6C6962657865632F71656D752D6B766D",
            "type=SYSCALL msg=audit(1764059299.000:2264): arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=2 a2=3 a3=4 items=0 ppid=1 pid=1 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm=\"cat\" exe=\"/usr/bin/cat\" key=(null)",
        ]
        let paths = (folder.appendingPathComponent("audit.log.1").path, folder.appendingPathComponent("audit.log").path)
        try (older.joined(separator: "\n") + "\n").write(toFile: paths.0, atomically: true, encoding: .utf8)
        try (newer.joined(separator: "\n") + "\n").write(toFile: paths.1, atomically: true, encoding: .utf8)
        return paths
    }

    /// parse_errors as `PATH|LINE|THE-SOURCE'S-OWN-PATH|CATEGORY`, sorted.
    static func problems(_ db: String) throws -> [String] {
        let r = try runProcess("/usr/bin/env", ["sqlite3", db, """
            SELECT p.path, p.line, s.last_path, substr(p.reason, instr(p.reason, 'category ') + 9, 5)
            FROM parse_errors p JOIN sources s ON s.id = p.source_id ORDER BY 1, 2, 4
            """])
        return String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    static func parseErrors(in summary: String) -> Int? {
        guard let range = summary.range(of: #"(\d+) parse errors?"#, options: .regularExpression) else { return nil }
        return Int(summary[range].prefix { $0.isNumber })
    }

    @Test(arguments: [false, true])
    func eachProblemIsItsFilesAtItsLineAndCountedOnce(twoRuns: Bool) throws {
        let folder = try Fixtures.temporaryFolder("split-problems")
        let (older, newer) = try Self.files(in: folder)
        let db = folder.appendingPathComponent("s.db").path
        var reported = 0
        for files in twoRuns ? [[older], [newer]] : [[older, newer]] {
            let r = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db] + files)
            #expect(r.status == 0, "\(r.stderr)")
            reported += try #require(Self.parseErrors(in: r.stderr), "\(r.stderr)")
        }
        #expect(try Self.problems(db) == [
            "\(newer)|1|\(newer)|c3000", "\(newer)|1|\(newer)|c4000", "\(older)|2|\(older)|c2000",
        ])
        #expect(reported == 3, "the runs' summaries count each stored problem once")
        // Read again: nothing new, nothing lost.
        let again = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db, older, newer])
        #expect(Self.parseErrors(in: again.stderr) == 0, "\(again.stderr)")
        #expect(try Self.problems(db).count == 3)
    }

    /// audit.log.2 read while its last event had one AVC, audit.log.1 and audit.log (the rest of
    /// that event: SYSCALL, then PROCTITLE) joined to it, then audit.log.2 read again with the
    /// event's second AVC: it replaced the joined event with its two AVCs alone, and the denial
    /// lost its exe and path.
    @Test func aFirstPieceReadAgainGrownKeepsWhatTheNextFilesAdded() throws {
        let folder = try Fixtures.temporaryFolder("split-regrown")
        let good = "system_u:system_r:svirt_t:s0:c242,c571"
        let image = "system_u:object_r:svirt_image_t:s0:c238,c571"
        let start = "type=DAEMON_START msg=audit(1764059290.000:1): op=start ver=3.1.2 format=raw kernel=6.1.0 auid=4294967295 pid=1 uid=0 ses=4294967295 res=success"
        let first = Self.avc("read", scontext: good, tcontext: image, ino: 1)
        let second = Self.avc("open", scontext: good, tcontext: "system_u:object_r:etc_t:s0", ino: 2)
        let syscall = "type=SYSCALL msg=audit(\(Self.stamp)): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=6f45bfc687f a2=80002 a3=0 items=1 ppid=1 pid=3103 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" subj=\(good) key=(null)"
        let proctitle = "type=PROCTITLE msg=audit(\(Self.stamp)): proctitle=2F7573722F6C6962657865632F71656D752D6B766D"
        let later = "type=SYSCALL msg=audit(1764059299.000:2264): arch=c000003e syscall=2 success=yes exit=3 a0=1 a1=2 a2=3 a3=4 items=0 ppid=1 pid=1 auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=1 comm=\"cat\" exe=\"/usr/bin/cat\" key=(null)"
        func write(_ lines: [String], _ name: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
            return path
        }
        let oldest = try write([start, first], "audit.log.2")
        let middle = try write([syscall], "audit.log.1")
        let newest = try write([proctitle, later], "audit.log")
        let db = folder.appendingPathComponent("s.db").path
        func ingest(_ path: String) throws {
            let r = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", db, path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        for path in [oldest, middle, newest] { try ingest(path) }
        _ = try write([start, first, second], "audit.log.2")
        try ingest(oldest)

        let evidence = try Binary.run(["query", "evidence", "--config", "/dev/null", "--db", db, "--format", "jsonl", "2263"])
        let rows = evidence.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        let seen = Set(rows.map { "\($0["source"] ?? "-"):\($0["line"] ?? "-"):\($0["type"] ?? "-")" })
        #expect(seen == ["\(oldest):2:AVC", "\(oldest):3:AVC", "\(middle):1:SYSCALL", "\(newest):1:PROCTITLE"],
                "every record, each where it is: \(evidence.stdout)")
        let denials = try Binary.run(["query", "denials", "--config", "/dev/null", "--db", db, "--format", "jsonl"])
        #expect(denials.stdout.contains("\"exe\":\"/usr/libexec/qemu-kvm\""), "\(denials.stdout)")
        #expect(denials.stdout.split(separator: "\n").count == 1, "one denial event")
    }
}
