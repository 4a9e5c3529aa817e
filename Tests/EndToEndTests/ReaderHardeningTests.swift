import Foundation
import Testing
import Native
import Store
import TestSupport
import Formatting
import Reports

/// Crafted, half-written and pasted input through the real binary: a bad record is one parse
/// error and everything else is stored; nothing crashes, nothing grows with the input.
@Suite struct ReaderHardeningTests {
    static let sample = Fixtures.repositoryRoot.appendingPathComponent("tools/sample/audit.log")

    static func sampleLines() throws -> [String] {
        try String(contentsOf: sample, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// `query denials --format json`, parsed.
    static func denials(_ db: String) throws -> [[String: Any]] {
        let r = try Binary.run(["query", "denials", "--db", db, "--format", "json"])
        #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
        return (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    /// Kind, time, serial and perms of each denial, sorted: what two ingests must agree on.
    static func summary(_ denials: [[String: Any]]) -> [String] {
        denials.map { d in
            ["kind", "time", "serial", "tclass", "scontext", "tcontext"].map { "\(d[$0] ?? "-")" }.joined(separator: " ")
                + " " + ((d["perms"] as? [String]) ?? []).joined(separator: ",")
        }.sorted()
    }

    static func parseErrors(_ db: String) throws -> [(line: Int64, reason: String)] {
        try Database(path: db, access: .readOnly).connection.rows("SELECT line, reason FROM parse_errors ORDER BY line")
            .map { ($0[0].int64 ?? -1, $0[1].string ?? "") }
    }

    static func ingest(_ files: [String], db: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(["ingest", "--db", db] + files)
    }

    static let hugeStamp = "type=AVC msg=audit(18446744073709551.615:8): avc:  denied  { read } for  pid=3074 comm=\"qemu-system-x86\" name=\"x\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c1,c2 tcontext=system_u:object_r:svirt_image_t:s0:c3,c4 tclass=file permissive=0"

    // MARK: item 1

    @Test func aHugeTimeStampAmongGoodDenialsIsOneParseErrorAndTheRestIsStored() throws {
        let folder = try Fixtures.temporaryFolder("huge")
        let lines = try Self.sampleLines()
        let middle = lines.count / 2
        var bad = Array(lines[..<middle])
        bad.append(Self.hugeStamp)
        var bytes = Array((bad.joined(separator: "\n") + "\n").utf8)
        // A NUL inside a record: its own reason, not auparse's buffer.
        var damaged = Array(Self.hugeStamp.replacingOccurrences(of: "18446744073709551.615:8", with: "1764042445.900:99998").utf8)
        damaged[50] = 0
        bytes += damaged + [0x0A]
        bytes += Array((lines[middle...].joined(separator: "\n") + "\n").utf8)
        let badLog = folder.appendingPathComponent("bad.log")
        try Data(bytes).write(to: badLog)

        let clean = folder.appendingPathComponent("clean.db").path
        #expect(try Self.ingest([Self.sample.path], db: clean).status == 0)
        let db = folder.appendingPathComponent("bad.db").path
        let run = try Self.ingest([badLog.path], db: db)
        #expect(run.status == 0, "exit \(run.status): \(run.stderr.prefix(300))")
        let expected = Self.summary(try Self.denials(clean))
        #expect(expected.count > 50)
        #expect(Self.summary(try Self.denials(db)) == expected, "every good denial is stored")
        let errors = try Self.parseErrors(db)
        #expect(errors.map(\.line) == [Int64(middle + 1), Int64(middle + 2)])
        #expect(errors.first?.reason.contains("time stamp out of range") == true)
        #expect(errors.last?.reason == "NUL byte in record at column 51")

        // watch reads the same file to its end and stores the same.
        let watched = folder.appendingPathComponent("watch.db").path
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["watch", "--db", watched, "--stdin"]
        process.standardInput = pipe.fileHandleForReading
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try pipe.fileHandleForWriting.write(contentsOf: Data(bytes))
        try pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Self.summary(try Self.denials(watched)) == expected)
    }

    // MARK: item 4

    @Test func oneEventWith140000PathRecordsIsCappedAndTheLogAroundItStored() throws {
        let folder = try Fixtures.temporaryFolder("flood")
        let lines = try Self.sampleLines()
        let middle = lines.count / 2
        let stamp = "1764042445.300:99999"
        var text = lines[..<middle].joined(separator: "\n") + "\n"
        text += "type=AVC msg=audit(\(stamp)): avc:  denied  { read } for  pid=3074 comm=\"qemu-system-x86\" name=\"x\" dev=\"dm-0\" ino=160 scontext=system_u:system_r:svirt_t:s0:c420,c531 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=0\n"
        text += "type=SYSCALL msg=audit(\(stamp)): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=1 a2=0 a3=0 items=140000 ppid=1 pid=3074 auid=4294967295 uid=107 gid=107 comm=\"qemu-system-x86\" exe=\"/usr/bin/qemu-system-x86_64\" key=(null)\n"
        var flood = ""
        flood.reserveCapacity(140_000 * 160)
        for i in 0..<140_000 {
            flood += "type=PATH msg=audit(\(stamp)): item=\(i) name=\"/var/lib/libvirt/images/f\(i)\" inode=160 dev=fd:00 mode=0100644 ouid=107 ogid=107 rdev=00:00 nametype=NORMAL\n"
        }
        text += flood
        text += "type=PROCTITLE msg=audit(\(stamp)): proctitle=2F7573722F62696E2F71656D75\n"
        text += lines[middle...].joined(separator: "\n") + "\n"
        let log = folder.appendingPathComponent("flood.log")
        try text.write(to: log, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: log) }

        let clean = folder.appendingPathComponent("clean.db").path
        #expect(try Self.ingest([Self.sample.path], db: clean).status == 0)
        let db = folder.appendingPathComponent("flood.db").path
        let run = try Self.ingest([log.path], db: db)
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        let errors = try Self.parseErrors(db)
        #expect(errors.count == 1, "one parse error for the event, not one per record")
        #expect(errors.first?.reason.contains("more records than one event may hold") == true)
        #expect(errors.first?.reason.contains("139491 records") == true, "\(errors.first?.reason ?? "")")
        let stored = try Self.denials(db)
        #expect(stored.count == (try Self.denials(clean)).count + 1, "the good events around it are stored")
        let kept = try StoredEvidence.all(StoreReader(Database(path: db, access: .readOnly)), serial: 99999)
        #expect(kept.count == 512)
    }

    // MARK: item 9

    static let partialStamp = "1764042445.261:834"
    static let partialHead = """
        type=AVC msg=audit(\(partialStamp)): avc:  denied  { read } for  pid=3074 comm="qemu-system-x86" name="ci001.qcow2" dev="dm-0" ino=160 scontext=system_u:system_r:svirt_t:s0:c420,c531 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=0
        type=SYSCALL msg=audit(\(partialStamp)): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=1 a2=0 a3=0 items=1 ppid=1 pid=3074 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c420,c531 key=(null)

        """
    static let partialTail = """
        type=CWD msg=audit(\(partialStamp)): cwd="/"
        type=PATH msg=audit(\(partialStamp)): item=0 name="/var/lib/libvirt/images/ci001.qcow2" inode=160 dev=fd:00 mode=0100644 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c813,c949 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0
        type=PROCTITLE msg=audit(\(partialStamp)): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634

        """

    @Test func aHalfWrittenEventIsCompletedByTheNextIngest() throws {
        let folder = try Fixtures.temporaryFolder("partial")
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("p.db").path
        try Self.partialHead.write(to: log, atomically: false, encoding: .utf8)
        #expect(try Self.ingest([log.path], db: db).status == 0)
        #expect(try Self.denials(db).count == 1)

        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.partialTail.utf8))
        try handle.close()
        #expect(try Self.ingest([log.path], db: db).status == 0)
        let denials = try Self.denials(db)
        #expect(denials.count == 1, "exactly one denial for the event")
        #expect(denials.first?["exe"] as? String == "/usr/bin/qemu-system-x86_64")
        #expect(denials.first?["path"] as? String == "/var/lib/libvirt/images/ci001.qcow2", "the union of both reads")
        let raw = try StoredEvidence.all(StoreReader(Database(path: db, access: .readOnly)))
        #expect(raw.count == 5)
        // A third run changes nothing.
        #expect(try Self.ingest([log.path], db: db).status == 0)
        #expect(try Self.denials(db).count == 1)
    }

    @Test func aRunningWatchCompletesAnEventWhoseRestArrivesAfterAPause() throws {
        let folder = try Fixtures.temporaryFolder("partial-watch")
        let log = folder.appendingPathComponent("audit.log")
        let db = folder.appendingPathComponent("w.db").path
        try "".write(to: log, atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["watch", "--db", db, "--follow", log.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }
        func append(_ text: String) throws {
            let handle = try FileHandle(forWritingTo: log)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
        func storedPaths() -> [String] {
            let r = try? runProcess("/usr/bin/env", ["sqlite3", db, "SELECT coalesce(path, '-') FROM denials"])
            return r.map { String(decoding: $0.stdout, as: UTF8.self).split(separator: "\n").map(String.init) } ?? []
        }
        func wait(_ condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(15)
            while Date() < deadline {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return condition()
        }
        try append(Self.partialHead)
        #expect(wait { storedPaths().count == 1 }, "the lone half is stored once the log is quiet")
        try append(Self.partialTail)
        #expect(wait { storedPaths() == ["/var/lib/libvirt/images/ci001.qcow2"] }, "\(storedPaths())")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let denials = try Self.denials(db)
        #expect(denials.count == 1)
        #expect(denials.first?["path"] as? String == "/var/lib/libvirt/images/ci001.qcow2")
    }

    /// A log concatenated with itself into one source is stored once (helper-71): its repeats
    /// were kept as further occurrences, counted twice, and the replayed guest starts
    /// mislabelled the second copy's denials.
    @Test func aLogGivenTwiceInOneStreamIsStoredOnce() throws {
        let folder = try Fixtures.temporaryFolder("twice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let once = folder.appendingPathComponent("once.db").path
        let twice = folder.appendingPathComponent("twice.db").path
        let log = try Data(contentsOf: Self.sample)
        let first = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", once, "-"], stdin: log)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try Binary.run(["ingest", "--config", "/dev/null", "--no-progress", "--db", twice, "-"], stdin: log + log)
        #expect(second.status == 0, "\(second.stderr)")
        let expected = try Self.denials(once)
        #expect(!expected.isEmpty)
        #expect(Self.summary(try Self.denials(twice)) == Self.summary(expected))
        let wholeOnce = try Binary.run(["query", "denials", "--db", once, "--format", "jsonl"]).stdout
        let wholeTwice = try Binary.run(["query", "denials", "--db", twice, "--format", "jsonl"]).stdout
        #expect(wholeTwice == wholeOnce, "every field, guests included")
        #expect(second.stderr.contains("already stored"), "\(second.stderr)")
    }

    /// A record auparse rejects is reported at its own line's first byte (helper-71): every
    /// record of such an event was reported at the offset of the line after the event.
    @Test func aRecordAuparseRejectsIsReportedAtItsOwnOffset() throws {
        let folder = try Fixtures.temporaryFolder("offsets")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = [
            "type=AVC msg=audit(0.001:203): avc:  denied  { read } for  pid=4001 comm=\"qemu-kvm\" name=\"x.qcow2\" dev=\"dm-0\" ino=1234 scontext=system_u:system_r:svirt_t:s0:c87,c520 tcontext=system_u:object_r:svirt_image_t:s0:c1,c2 tclass=file permissive=0",
            "type=SYSCALL msg=audit(0.001:203): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=1 a2=2 a3=0 items=1 ppid=1 pid=4001 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm=\"qemu-kvm\" exe=\"/usr/libexec/qemu-kvm\" subj=system_u:system_r:svirt_t:s0:c87,c520 key=(null)",
            "type=CWD msg=audit(0.001:203): cwd=\"/\"",
            "type=AVC msg=audit(1764042452.000:204): avc:  denied  { read } for  pid=4001 comm=\"qemu-kvm\" name=\"x.qcow2\" dev=\"dm-0\" ino=1234 scontext=system_u:system_r:svirt_t:s0:c87,c520 tcontext=system_u:object_r:svirt_image_t:s0:c1,c2 tclass=file permissive=0",
        ]
        let log = folder.appendingPathComponent("audit.log")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: log)
        let db = folder.appendingPathComponent("o.db").path
        let run = try Self.ingest([log.path], db: db)
        #expect(run.status == 0, "\(run.stderr)")
        var starts: [Int64] = []
        var at: Int64 = 0
        for line in lines { starts.append(at); at += Int64(line.utf8.count + 1) }
        let rows = try Database(path: db, access: .readOnly).connection.rows("SELECT line, byte_offset FROM parse_errors ORDER BY line")
        #expect(rows.count == 3, "\(rows)")
        for row in rows {
            let line = Int(row[0].int64 ?? 0)
            #expect(row[1].int64 == starts[line - 1], "line \(line): \(row)")
        }
    }

    /// One event ID repeated by the thousand in a crafted file (helper review): each event was
    /// compared with every occurrence before it, quadratic (20,000 took 75 s). The first
    /// occurrences are compared, the one at the same line is looked up alone, and every
    /// differing repeat is still stored, once, across a resume and a second copy.
    @Test func anIDRepeatedByTheHundredIsStoredOnceEach() throws {
        let folder = try Fixtures.temporaryFolder("crowded")
        defer { try? FileManager.default.removeItem(at: folder) }
        func event(_ pid: Int) -> String {
            "type=AVC msg=audit(1764042450.000:300): avc:  denied  { read } for  pid=\(pid) comm=\"qemu-kvm\" name=\"x\" dev=\"dm-0\" ino=12 scontext=system_u:system_r:svirt_t:s0:c87,c520 tcontext=system_u:object_r:svirt_image_t:s0:c1,c1023 tclass=file permissive=0\n"
                + "type=PROCTITLE msg=audit(1764042450.000:300): proctitle=71656D75\n"
        }
        let log = folder.appendingPathComponent("audit.log")
        try Data((0..<300).map(event).joined().utf8).write(to: log)
        let db = folder.appendingPathComponent("c.db").path
        func count() throws -> Int {
            try Self.denials(db).count
        }
        #expect(try Self.ingest([log.path], db: db).status == 0)
        #expect(try count() == 300)
        // Appended to, read on from where it stopped: the new ones only.
        let handle = try FileHandle(forWritingTo: log)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((300..<340).map(event).joined().utf8))
        try handle.close()
        #expect(try Self.ingest([log.path], db: db).status == 0)
        #expect(try count() == 340)
        // The same file under another name: every event is stored already.
        let copy = folder.appendingPathComponent("audit.log.1")
        try FileManager.default.copyItem(at: log, to: copy)
        let again = try Self.ingest([copy.path], db: db)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try count() == 340)
    }

    // MARK: item 18

    static let pasted = [
        "audit-userspace-commit-messages-with-records.txt",
        "fedora-selinux-policy-commit-messages-useravc-selinuxerr.txt",
        "fedora-selinux-policy-commit-messages-virt-qemu.txt",
        "openstack-selinux-tests/bz1561711",
    ]

    /// `TYPE msg=audit(STAMP)` of a line, blanks before and inside the header ignored.
    static func key(_ line: Substring) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var index = 0
        if words.first?.hasPrefix("node=") == true { index = 1 }
        guard words.count > index, words[index].hasPrefix("type="),
              let open = line.range(of: "msg=audit(") else { return nil }
        let type = words[index].dropFirst(5)
        guard ["AVC", "USER_AVC", "SELINUX_ERR"].contains(type) else { return nil }
        return "\(type) \(line[open.upperBound...].prefix { $0 != ")" })"
    }

    @Test(arguments: pasted)
    func pastedRecordsAreReadAsAusearchReadsThem(file: String) throws {
        let path = Fixtures.corpus.appendingPathComponent(file).path
        let folder = try Fixtures.temporaryFolder("pasted")
        let db = folder.appendingPathComponent("p.db").path
        let run = try Self.ingest([path], db: db)
        #expect(run.status == 0, "\(run.stderr)")
        let ausearch = try runProcess("/usr/bin/env", ["ausearch", "-if", path, "--raw", "-m", "AVC,USER_AVC,SELINUX_ERR"])
        #expect(ausearch.status == 0 || ausearch.status == 1, "ausearch is missing: apt-get install auditd")
        let printed = Set(String(decoding: ausearch.stdout, as: UTF8.self).split(separator: "\n").compactMap(Self.key))
        let stored = Set(try StoredEvidence.all(StoreReader(Database(path: db, access: .readOnly)))
            .compactMap { Self.key(Substring($0.raw)) })
        #expect(!printed.isEmpty)
        #expect(printed.subtracting(stored).isEmpty, "ausearch reads, svirt-trace did not: \(printed.subtracting(stored).sorted())")
        // No record is refused for its indentation or spacing.
        let refused = try Self.parseErrors(db).filter { $0.reason.hasPrefix("not an audit record") || $0.reason.hasPrefix("no msg=audit") }
        let indented = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().filter { _, line in
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                return trimmed.hasPrefix("type=") && (trimmed.count != line.count || line.contains("  msg=audit("))
            }.map { Int64($0.offset + 1) }
        #expect(!refused.contains { indented.contains($0.line) }, "\(refused.filter { indented.contains($0.line) })")
    }

    // MARK: item 19

    @Test(arguments: [["-i"], []])
    func ausearchOutputInTheCLocaleStoresWhatTheRawLogStores(options: [String]) throws {
        let folder = try Fixtures.temporaryFolder("ausearch")
        let r = try runProcess("/usr/bin/env", ["LC_ALL=C", "ausearch", "-if", Self.sample.path] + options)
        #expect(r.status == 0, "ausearch is missing: apt-get install auditd")
        let text = String(decoding: r.stdout, as: UTF8.self)
        if options == ["-i"] {
            #expect(text.range(of: #"msg=audit\(\d\d/\d\d/\d\d "#, options: .regularExpression) != nil,
                    "two-digit years, as audit 3.0.9 prints them in the C locale")
        }
        #expect(text.contains("\n----\n") || text.hasPrefix("----\n"))
        let output = folder.appendingPathComponent("ausearch.txt")
        try text.write(to: output, atomically: false, encoding: .utf8)
        let raw = folder.appendingPathComponent("raw.db").path
        #expect(try Self.ingest([Self.sample.path], db: raw).status == 0)
        let db = folder.appendingPathComponent("i.db").path
        let run = try Self.ingest([output.path], db: db)
        #expect(run.status == 0)
        #expect(run.stderr.contains(" 0 parse errors"), "separators are not errors: \(run.stderr)")
        let expected = Self.summary(try Self.denials(raw))
        #expect(Self.summary(try Self.denials(db)) == expected, "same denials, kinds, times and counts")
        // ausearch prints an event's context records before its AVC: they are kept all the same.
        let withExe = try Self.denials(db).filter { ($0["exe"] as? String) != nil }.count
        #expect(withExe == (try Self.denials(raw)).filter { ($0["exe"] as? String) != nil }.count)
    }

    @Test func anInputWithoutAnyAuditRecordExitsThreeAndSaysWhatItLooksLike() throws {
        let folder = try Fixtures.temporaryFolder("noaudit")
        let db = folder.appendingPathComponent("n.db").path
        let jpeg = folder.appendingPathComponent("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x0A, 0x00]).write(to: jpeg)
        let picture = try Self.ingest([jpeg.path], db: db)
        #expect(picture.status == 3)
        #expect(picture.stderr.contains("no audit records in \(jpeg.path): the first line looks like a JPEG image"), "\(picture.stderr)")

        let prose = folder.appendingPathComponent("notes.txt")
        try "Dear team,\nthe guest would not start.\n".write(to: prose, atomically: false, encoding: .utf8)
        let text = try Self.ingest([prose.path], db: db)
        #expect(text.status == 3)
        #expect(text.stderr.contains("looks like text, not an audit record"))
        #expect(text.stderr.contains("\"Dear team,\""))

        // An empty log (just rotated) is no error, and neither is a log with records.
        let empty = folder.appendingPathComponent("empty.log")
        try Data().write(to: empty)
        #expect(try Self.ingest([empty.path, Self.sample.path], db: db).status == 0)
        // A mix: the good file is stored, the status still says an input was not a log.
        let mixed = try Self.ingest([Self.sample.path, jpeg.path], db: folder.appendingPathComponent("m.db").path)
        #expect(mixed.status == 3)
        #expect(try Self.denials(folder.appendingPathComponent("m.db").path).count > 50)
    }

    // MARK: valid ISO-8601 for any Int64

    @Test func timestampsAreValidISO8601ForEveryInt64() {
        let pattern = #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$"#
        let seed = UInt64.random(in: 1...1_000_000)
        var rng = SplitMix64(seed: seed)
        var values: [Int64] = [.min, .max, .min + 1, .max - 1, 0, -1, 1, 253_402_300_799_999, 253_402_300_800_000,
                               -62_167_219_200_000, -62_167_219_200_001, 9_223_372_036_854_775_000]
        for _ in 0..<20_000 { values.append(Int64(bitPattern: rng.next()) >> Int64(rng.next() % 64)) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var previous: String?
        for value in values.sorted() {
            let text = Timestamp.iso8601(milliseconds: value)
            #expect(text.range(of: pattern, options: .regularExpression) != nil, "seed \(seed): \(value) -> \(text)")
            if let previous { #expect(previous <= text, "seed \(seed): monotonic at \(value)") }
            previous = text
            if (0...253_402_300_799_999).contains(value) {
                let date = Date(timeIntervalSince1970: Double(value / 1000))
                let expected = formatter.string(from: date).replacingOccurrences(of: ".000Z", with: "")
                #expect(text.hasPrefix(expected), "seed \(seed): \(value) -> \(text), Foundation says \(expected)")
            }
        }
        #expect(Timestamp.iso8601(milliseconds: .max) == "9999-12-31T23:59:59.999Z")
        #expect(Timestamp.iso8601(milliseconds: .min) == "0000-01-01T00:00:00.000Z")
    }
}
