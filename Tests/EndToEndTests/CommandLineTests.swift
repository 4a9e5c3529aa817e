import Foundation
import Testing
import Store
import TestSupport
import Formatting

/// The real binary as a subprocess: exit codes, messages and output that a hostile guest name
/// cannot subvert.
@Suite struct CommandLineTests {
    static var binary: String { Binary.path }

    static func run(_ args: [String], stdin: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build svirt-trace first (swift build)")
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        let r = try runProcess(binary, args, stdin: stdin, environment: env)
        return (r.status, String(decoding: r.stdout, as: UTF8.self), String(decoding: r.stderr, as: UTF8.self))
    }

    static let hostileNames = [
        "x'; DROP TABLE denials; --",
        "\u{1B}]0;pwned\u{07}",
        "<script>alert(1)</script>",
        "two\nlines \"quoted\"",
    ]

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }

    /// A log where guests with hostile names attack each other, names hex-encoded as libvirt does.
    static func hostileLog() -> String {
        var lines: [String] = []
        var serial = 500
        var time = 1_764_000_000
        func stamp() -> String { serial += 1; time += 1; return "\(time).250:\(serial)" }
        for (i, name) in hostileNames.enumerated() {
            let uuid = String(format: "00000000-0000-0000-0000-%012d", i + 1)
            let level = "s0:c\(i + 10),c\(i + 100)"
            let vm = "vm=" + hex(Array(name.utf8))
            lines.append("type=VIRT_MACHINE_ID msg=audit(\(stamp())): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm \(vm) uuid=\(uuid) vm-ctx=system_u:system_r:svirt_t:\(level) img-ctx=system_u:object_r:svirt_image_t:\(level) model=selinux exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
            lines.append("type=VIRT_CONTROL msg=audit(\(stamp())): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm op=start reason=booted \(vm) uuid=\(uuid) vm-pid=\(1000 + i) exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
        }
        // A name that is not UTF-8 at all: stored with U+FFFD where the bad bytes were.
        let badUUID = "00000000-0000-0000-0000-000000000099"
        let badName = "vm=" + hex([0x62, 0x61, 0x64, 0xFF, 0xFE, 0x6E])
        lines.append("type=VIRT_MACHINE_ID msg=audit(\(stamp())): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtd_t:s0-s0:c0.c1023 msg='virt=kvm \(badName) uuid=\(badUUID) vm-ctx=system_u:system_r:svirt_t:s0:c500,c501 img-ctx=system_u:object_r:svirt_image_t:s0:c500,c501 model=selinux exe=\"/usr/sbin/libvirtd\" hostname=? addr=? terminal=? res=success'")
        for i in hostileNames.indices {
            let j = (i + 1) % hostileNames.count
            let s = stamp()
            lines.append("type=AVC msg=audit(\(s)): avc:  denied  { read } for  pid=\(1000 + i) comm=\(hex(Array("qemu\u{1B}[2J".utf8))) name=\"disk\" dev=\"dm-0\" ino=1 scontext=system_u:system_r:svirt_t:s0:c\(i + 10),c\(i + 100) tcontext=system_u:object_r:svirt_image_t:s0:c\(j + 10),c\(j + 100) tclass=file permissive=0")
            lines.append("type=PROCTITLE msg=audit(\(s)): proctitle=71656D75")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func hostileGuestNamesRoundTripAndNeverReachTheTerminalRaw() throws {
        let folder = try Fixtures.temporaryFolder("cli")
        let log = folder.appendingPathComponent("hostile.log")
        try Self.hostileLog().write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("h.db").path
        let ingest = try Self.run(["ingest", "--db", db, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("4 denials (cross-guest=4)"))

        let jsonl = try Self.run(["query", "denials", "--db", db, "--format", "jsonl"])
        #expect(jsonl.status == 0)
        let rows = jsonl.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(Set(rows.compactMap { $0["source_vm"] as? String }) == Set(Self.hostileNames))
        #expect(Set(rows.compactMap { $0["target_vm"] as? String }) == Set(Self.hostileNames))
        #expect(rows.allSatisfy { ($0["comm"] as? String) == "qemu\u{1B}[2J" })

        let json = try Self.run(["query", "denials", "--db", db, "--format", "json"])
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(array.count == 4)

        let table = try Self.run(["query", "denials", "--db", db, "--format", "table", "--wide"])
        #expect(table.status == 0)
        #expect(!table.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control characters reached the terminal")
        #expect(table.stdout.contains("\\x1b]0;pwned\\x07"))
        #expect(table.stdout.split(separator: "\n").count == 5, "a newline in a name must not split a row")

        let csv = try Self.run(["query", "denials", "--db", db, "--format", "csv"])
        let parsed = try runProcess("/usr/bin/env", ["python3", "-c",
            "import csv,sys,json; print(json.dumps([r['source_vm'] for r in csv.DictReader(sys.stdin)]))"],
            stdin: Data(csv.stdout.utf8))
        let names = try JSONSerialization.jsonObject(with: parsed.stdout) as! [String]
        // CSV escapes control characters as the table does (StoreCSVTests).
        #expect(Set(names) == Set(Self.hostileNames.map(TerminalText.escape)))

        let events = try Self.run(["query", "events", "--db", db, "--kind", "domain-start"])
        #expect(events.stdout.split(separator: "\n").count == 4)

        let leases = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT name FROM leases WHERE level = 's0:c500,c501'"])
        #expect(String(decoding: leases.stdout, as: UTF8.self) == "bad\u{FFFD}\u{FFFD}n\n")
    }

    @Test func exitStatusesAndMessages() throws {
        let folder = try Fixtures.temporaryFolder("cli")
        let missing = folder.appendingPathComponent("missing.db").path

        let noDB = try Self.run(["query", "denials", "--db", missing])
        #expect(noDB.status == 4)
        #expect(noDB.stderr.contains("no such database"))
        #expect(!FileManager.default.fileExists(atPath: missing))

        let badKind = try Self.run(["query", "denials", "--db", missing, "--kind", "bogus"])
        #expect(badKind.status == 2)
        #expect(badKind.stderr.contains("unknown kind"))

        // Started with standard input closed: refused at once, not read as an empty log (ingest)
        // or from whatever descriptor took number 0 (watch waited in silence, then exit 4).
        for (command, refusal) in [("ingest --db \"$1\"", "standard input is closed"), ("ingest --db \"$1\" -", "standard input is closed"),
                                   ("watch --config /dev/null --db \"$1\" --stdin", "--stdin, but standard input is closed")] {
            let closed = try runProcess("/bin/sh", ["-c", "exec \"$0\" \(command) <&-", Binary.path, folder.appendingPathComponent("closed.db").path])
            #expect(closed.status == 2, "\(command)")
            #expect(String(decoding: closed.stderr, as: UTF8.self).contains(refusal), "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("closed.db").path))
        // A path that is not UTF-8 is refused, not turned into another file's name (a database
        // made beside the one meant, a log "missing" that exists).
        let notUTF8 = try runProcess("/bin/sh", ["-c", "cd \"$1\" && exec \"$0\" ingest --db \"$(printf 'db\\377.db')\" \"$(printf 'log\\376')\"",
                                                 Binary.path, folder.path])
        #expect(notUTF8.status == 2)
        #expect(String(decoding: notUTF8.stderr, as: UTF8.self).contains("argument 3 is not valid UTF-8"), "\(String(decoding: notUTF8.stderr, as: UTF8.self))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("db") }.isEmpty)
        // So is such a path in the environment (helper-77).
        let envNotUTF8 = try runProcess("/bin/sh", ["-c", "cd \"$1\" && SVIRT_TRACE_DB=\"$(printf 'env\\377.db')\" exec \"$0\" ingest -",
                                                    Binary.path, folder.path], stdin: Data())
        #expect(envNotUTF8.status == 2)
        #expect(String(decoding: envNotUTF8.stderr, as: UTF8.self).contains("$SVIRT_TRACE_DB is not valid UTF-8"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("env") }.isEmpty)
        // Where it is used only: a checkpoint, not --version (helper-78).
        #expect(try Self.run(["ingest", "--db", folder.appendingPathComponent("none.db").path, "-"], stdin: Data()).status == 0)
        for (command, status) in [("--version", Int32(0)), ("query denials --db \"$2\" --since -1h --save-checkpoint", Int32(2))] {
            let state = try runProcess("/bin/sh", ["-c", "XDG_STATE_HOME=\"$1/$(printf 'st\\377')\" exec \"$0\" \(command)",
                                                   Binary.path, folder.path, folder.appendingPathComponent("none.db").path])
            #expect(state.status == status, "\(command): \(String(decoding: state.stderr, as: UTF8.self))")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("st") }.isEmpty)
        // Its --follow a folder: the log cannot be read (3), not a database error (4).
        let elsewhere = try Fixtures.temporaryFolder("cli-follow")
        let followFolder = try Self.run(["watch", "--config", "/dev/null", "--db", elsewhere.appendingPathComponent("f.db").path,
                                         "--follow", elsewhere.path])
        #expect(followFolder.status == 3, "\(followFolder.stderr)")
        #expect(followFolder.stderr.contains("is a folder, not a log file"), "\(followFolder.stderr)")

        let noFolder = try Self.run(["ingest", "--db", folder.appendingPathComponent("nope/x.db").path, "-"], stdin: Data())
        #expect(noFolder.status == 4)
        #expect(noFolder.stderr.contains("nope: no such folder; create it"), "\(noFolder.stderr)")
        // A mistyped --libvirt-state is refused before the store is made (it stopped the run
        // with an empty store left behind).
        let noState = try Self.run(["ingest", "--db", folder.appendingPathComponent("state.db").path,
                                    "--libvirt-state", folder.appendingPathComponent("no-run").path, "-"], stdin: Data())
        #expect(noState.status == 2 && noState.stderr.contains("no-run: no such folder"), "\(noState.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("state.db").path))

        // watch says what the store would say, before it takes its lock (which it made beside
        // a link's target, or failed to make with a bare "No such file or directory").
        let quietLog = folder.appendingPathComponent("quiet.log").path
        FileManager.default.createFile(atPath: quietLog, contents: nil)
        let watchNoFolder = try Self.run(["watch", "--db", folder.appendingPathComponent("nope/x.db").path, "--follow", quietLog])
        #expect(watchNoFolder.status == 4 && watchNoFolder.stderr.contains("nope: no such folder; create it"), "\(watchNoFolder.stderr)")
        let lost = folder.appendingPathComponent("lost.db").path
        try FileManager.default.createSymbolicLink(atPath: lost, withDestinationPath: folder.appendingPathComponent("gone/x.db").path)
        for command in [["watch", "--db", lost, "--follow", quietLog], ["ingest", "--db", lost, "-"]] {
            let run = try Self.run(command, stdin: Data())
            #expect(run.status == 4 && run.stderr.contains("whose folder \(folder.appendingPathComponent("gone").path) does not exist"),
                    "\(command[0]): \(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("lock") }.isEmpty)
        let aFile = folder.appendingPathComponent("a-file").path
        FileManager.default.createFile(atPath: aFile, contents: Data("x".utf8))
        let notAFolder = try Self.run(["ingest", "--db", aFile + "/x.db", "-"], stdin: Data())
        #expect(notAFolder.status == 4 && notAFolder.stderr.contains("a-file: is a regular file, not a folder"), "\(notAFolder.stderr)")
        // An empty file (or a store a writer is making this moment) is not called old.
        let empty = folder.appendingPathComponent("empty.db").path
        FileManager.default.createFile(atPath: empty, contents: nil)
        for command in [["query", "stats"], ["prune", "--older-than", "1d"]] {
            let run = try Self.run(command + ["--db", empty])
            #expect(run.status == 4 && run.stderr.contains("holds nothing yet"), "\(command[0]): \(run.stderr)")
        }
        #expect((try FileManager.default.attributesOfItem(atPath: empty)[.size] as? NSNumber)?.intValue == 0, "prune left the empty file as it was")
        // prune names a relative link's target from the link's folder, not the working one.
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("real").path, withIntermediateDirectories: false)
        let relative = folder.appendingPathComponent("relative.db").path
        try FileManager.default.createSymbolicLink(atPath: relative, withDestinationPath: "real/none.db")
        let prunedLink = try Self.run(["prune", "--older-than", "1d", "--db", relative])
        #expect(prunedLink.status == 4 && prunedLink.stderr.contains("\(folder.appendingPathComponent("real/none.db").path), which does not exist"),
                "\(prunedLink.stderr)")

        let log = folder.appendingPathComponent("a.log")
        try Self.hostileLog().write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("x.db").path
        let partial = try Self.run(["ingest", "--db", db, folder.appendingPathComponent("absent.log").path, log.path])
        #expect(partial.status == 3)
        #expect(partial.stderr.contains("absent.log: No such file"))
        #expect(partial.stderr.contains("4 denials"), "the readable file was still ingested")

        let none = try Self.run(["query", "denials", "--db", db, "--kind", "stale-image"])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)

        let notAudit = folder.appendingPathComponent("notes.txt")
        try "hello\nworld\n".write(to: notAudit, atomically: true, encoding: .utf8)
        let junk = try Self.run(["ingest", "--db", db, notAudit.path])
        #expect(junk.status == 3, "an input without a single audit record (issue 9, item 19)")
        #expect(junk.stderr.contains("no audit records"))
        #expect(junk.stderr.contains("2 parse errors"))

        let help = try Self.run(["ingest", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--libvirt-state"))
    }

    @Test func standardInputStoresWhatTheFileStores() throws {
        let folder = try Fixtures.temporaryFolder("cli")
        let text = Self.hostileLog()
        let log = folder.appendingPathComponent("a.log")
        try text.write(to: log, atomically: true, encoding: .utf8)
        let fromFile = folder.appendingPathComponent("f.db").path
        let fromPipe = folder.appendingPathComponent("p.db").path
        #expect(try Self.run(["ingest", "--db", fromFile, log.path]).status == 0)
        #expect(try Self.run(["ingest", "--db", fromPipe, "-"], stdin: Data(text.utf8)).status == 0)
        let a = try Self.run(["query", "denials", "--db", fromFile])
        let b = try Self.run(["query", "denials", "--db", fromPipe])
        #expect(a.stdout == b.stdout)
        #expect(!a.stdout.isEmpty)
        let again = try Self.run(["ingest", "--db", fromPipe, "-"], stdin: Data(text.utf8))
        #expect(again.stderr.contains("0 events stored"), "the same stream again stores nothing")
    }

    @Test func reportsParseBackAndHostileNamesStayData() throws {
        let folder = try Fixtures.temporaryFolder("cli")
        let log = folder.appendingPathComponent("hostile.log")
        try Self.hostileLog().write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("h.db").path
        #expect(try Self.run(["ingest", "--db", db, log.path]).status == 0)
        for name in Self.hostileNames {
            let who = try Self.run(["who-touched", name].prefixed(with: ["query"]) + ["--db", db, "--format", "json"])
            #expect(who.status == 0, "\(who.stderr)")
            let rows = try JSONSerialization.jsonObject(with: Data(who.stdout.utf8)) as! [[String: Any]]
            #expect(rows.count == 1)
            #expect(Set(Self.hostileNames).contains(rows.first?["source_vm"] as? String ?? ""))
            #expect(rows.first?["target_vm"] as? String == name)

            let guest = try Self.run(["query", "guest", name, "--db", db, "--format", "table"])
            #expect(guest.status == 0)
            #expect(!guest.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
            let timeline = try Self.run(["query", "guest", name, "--db", db, "--format", "jsonl"])
            let events = timeline.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
            #expect(events.allSatisfy { $0["vm"] as? String == name })
            #expect(events.contains { $0["event"] as? String == "denial-as-target" })
        }
        let label = try Self.run(["query", "label", "c10,c100", "--db", db, "--format", "csv"])
        let parsed = try runProcess("/usr/bin/env", ["python3", "-c",
            "import csv,sys,json; print(json.dumps([r['vm'] for r in csv.DictReader(sys.stdin)]))"], stdin: Data(label.stdout.utf8))
        #expect(try JSONSerialization.jsonObject(with: parsed.stdout) as? [String] == [Self.hostileNames[0]])
        for report in [["cross-guest"], ["stats"], ["cross-guest", "--detail"], ["events"]] {
            let json = try Self.run(["query"] + report + ["--db", db, "--format", "json"])
            #expect(json.status == 0, "\(report)")
            #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.isEmpty == false, "\(report)")
            let csv = try Self.run(["query"] + report + ["--db", db, "--format", "csv"])
            let count = try runProcess("/usr/bin/env", ["python3", "-c", "import csv,sys; print(len(list(csv.DictReader(sys.stdin))))"],
                                       stdin: Data(csv.stdout.utf8))
            #expect(Int(String(decoding: count.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ==
                    (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count, "\(report) csv rows")
        }
        #expect(try Self.run(["query", "denials", "--db", db, "--since", "tomorrow"]).status == 2)
        #expect(try Self.run(["query", "who-touched", "nobody", "--db", db]).status == 1)
        // Its guest is the argument: --vm and --as were taken and silently ignored.
        for extra in [["--vm", "nobody"], ["--vm", "nobody", "--as", "target"]] {
            let refused = try Self.run(["query", "who-touched", "nobody", "--db", db] + extra)
            #expect(refused.status == 2, "\(extra)")
            #expect(refused.stderr.contains("--vm and --as do not apply"), "\(refused.stderr)")
        }
        let asAlone = try Self.run(["query", "who-touched", "nobody", "--db", db, "--as", "source"])
        #expect(asAlone.status == 2 && asAlone.stderr.contains("who-touched takes neither"), "\(asAlone.stderr)")
        let tables = try runProcess("/usr/bin/env", ["sqlite3", db, "SELECT count(*) FROM denials"])
        #expect(String(decoding: tables.stdout, as: UTF8.self) == "4\n")
    }

    @Test func queriesReadWhileAWriterHoldsTheDatabaseAndNeverTouchOtherSchemas() throws {
        let folder = try Fixtures.temporaryFolder("cli")
        let log = folder.appendingPathComponent("a.log")
        try Self.hostileLog().write(to: log, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("w.db").path
        #expect(try Self.run(["ingest", "--db", db, log.path]).status == 0)
        // A second process holds the write lock with an open transaction, as a running ingest does.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["sqlite3", db]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = Pipe()
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE; INSERT INTO parse_errors(path, line, reason, text, stage) VALUES ('x', 1, 'held', '', 'reader');\n".utf8))
        Thread.sleep(forTimeInterval: 0.3)
        let read = try Self.run(["query", "denials", "--db", db, "--lock-timeout", "1"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.split(separator: "\n").count == 4)
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()

        let old = folder.appendingPathComponent("old.db").path
        _ = try runProcess("/usr/bin/env", ["sqlite3", old, "CREATE TABLE denials(x); PRAGMA user_version = 0;"])
        let foreign = try Self.run(["query", "denials", "--db", old])
        #expect(foreign.status == 4)
        #expect(foreign.stderr.contains("not an svirt-trace database"))
        let newer = folder.appendingPathComponent("newer.db").path
        _ = try runProcess("/usr/bin/env", ["sqlite3", newer, "PRAGMA user_version = 99;"])
        let tooNew = try Self.run(["query", "stats", "--db", newer])
        #expect(tooNew.status == 4)
        #expect(tooNew.stderr.contains("newer than this svirt-trace"))
        let version = try runProcess("/usr/bin/env", ["sqlite3", newer, "PRAGMA user_version"])
        #expect(String(decoding: version.stdout, as: UTF8.self) == "99\n", "left alone")
    }
}

extension Array where Element == String {
    func prefixed(with head: [String]) -> [String] { head + self }
}
