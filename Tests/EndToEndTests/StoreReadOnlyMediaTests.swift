import Foundation
import Testing
@testable import Store
import TestSupport

/// Where the store may be read and what is never changed, through the real binary: read-only
/// mounts and folders (item 13), foreign and newer files (item 12), and a user who may not read
/// the store (item 20).
@Suite struct StoreReadOnlyMediaTests {
    static let isRoot = getuid() == 0

    /// Root can make a private mount namespace here (`unshare -m`): the only way root meets a
    /// read-only folder, as permissions do not stop it.
    static let canMountReadOnly: Bool = {
        guard isRoot, let r = try? runProcess("/usr/bin/env", ["unshare", "-m", "/bin/sh", "-c", "mount -t tmpfs none /mnt && mount -o remount,ro /mnt"])
        else { return false }
        return r.status == 0
    }()

    /// Root can run the binary as nobody.
    static let canDropPrivileges: Bool = {
        guard isRoot, let r = try? runProcess("/usr/bin/env", ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        else { return false }
        return r.status == 0
    }()

    /// Runs the binary with `folder` bind-mounted read-only over itself, in a private namespace.
    static func readOnly(_ folder: URL) -> [String] {
        ["/usr/bin/unshare", "-m", "/bin/sh", "-c", "mount --bind -o ro \"$0\" \"$0\" && exec \"$@\"", folder.path]
    }

    static let nobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]

    static func args(_ command: [String], _ db: String) -> [String] {
        command + (command[0] == "query" ? ["--db", db, "--format", "jsonl"] : ["--db", db])
    }

    @Test(.enabled(if: canMountReadOnly, "needs root and unshare -m"))
    func everyReaderWorksOnAReadOnlyMount() throws {
        let s = try StoreCLI.store(label: "ro")
        #expect(StoreCLI.companions(s.db).isEmpty, "the writer closed cleanly")
        let before = try StoreCLI.sha256(s.db)
        var answers: [[String]: String] = [:]
        for command in StoreCLI.readers {
            let r = try StoreCLI.run(Self.args(command, s.db), wrapper: Self.readOnly(s.folder))
            #expect(r.status == 0 && !r.signalled, "\(command) on a read-only mount: \(r.status) \(r.stderr)")
            #expect(!r.stderr.contains("readonly database"), "\(r.stderr)")
            answers[command] = r.stdout
        }
        #expect(try StoreCLI.sha256(s.db) == before)
        #expect(StoreCLI.companions(s.db).isEmpty)
        // The same answers as on the writable folder.
        for command in StoreCLI.readers {
            let r = try StoreCLI.run(Self.args(command, s.db))
            #expect(r.stdout == answers[command], "\(command)")
        }
    }

    @Test(.enabled(if: canMountReadOnly, "needs root and unshare -m"))
    func aCopyWithAnUncheckpointedWALWarnsThatItsLastTransactionsAreMissing() throws {
        let s = try StoreCLI.store(label: "ro")
        let copy = try Fixtures.temporaryFolder("ro-copy")
        let database = try Database(path: s.db, access: .readWrite)
        try database.connection.execute("PRAGMA wal_autocheckpoint = 0")
        try database.connection.execute("UPDATE audit_events SET run_id = NULL WHERE serial = 510")
        // Copied while the writer is open: the main file has 4 denials, the -wal says 3.
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: s.db + suffix, toPath: copy.appendingPathComponent("s.db" + suffix).path)
        }
        let db = copy.appendingPathComponent("s.db").path
        let r = try StoreCLI.run(["query", "denials", "--db", db, "--format", "jsonl"], wrapper: Self.readOnly(copy))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("s.db-wal holds") && r.stderr.contains("missing from these results"), "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 4, "the main file's answer")
        // Where the -wal can be read, it is.
        let writable = try StoreCLI.run(["query", "denials", "--db", db, "--format", "jsonl"])
        #expect(writable.stdout.split(separator: "\n").count == 3)
        #expect(writable.stderr.isEmpty)
    }

    @Test func readOnlyMediaFlagOpensAPathWithURICharacters() throws {
        let s = try StoreCLI.store(label: "flag")
        let odd = s.folder.appendingPathComponent("case 7?x=1#top%41")
        try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
        let db = odd.appendingPathComponent("copy?.db").path
        try FileManager.default.copyItem(atPath: s.db, toPath: db)
        for command in StoreCLI.readers {
            let flagged = try StoreCLI.run(Self.args(command, db) + ["--read-only-media"])
            let plain = try StoreCLI.run(Self.args(command, s.db))
            #expect(flagged.status == 0, "\(command): \(flagged.stderr)")
            // The digest names the database in its suggested commands (broken over lines with a
            // backslash); the rest is the same.
            func facts(_ text: String) -> [Substring] {
                text.replacingOccurrences(of: " \\\n", with: " ").split(separator: "\n").filter { !$0.contains("--db") }
            }
            #expect(facts(flagged.stdout) == facts(plain.stdout), "\(command)")
        }
        #expect(StoreCLI.companions(db).isEmpty, "an immutable open creates no -wal or -shm")
        let help = try StoreCLI.run(["query", "denials", "--help"])
        #expect(help.stdout.contains("--read-only-media") && help.stdout.contains("immutable"))
        #expect(try StoreCLI.run(["digest", "--help"]).stdout.contains("--read-only-media"))
    }

    @Test(.enabled(if: canDropPrivileges, "needs root and setpriv"))
    func aUserWhoMayNotWriteTheFolderStillReads() throws {
        let s = try StoreCLI.store(label: "nobody")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: s.folder.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: s.db)
        for command in StoreCLI.readers {
            let r = try StoreCLI.run(Self.args(command, s.db), wrapper: Self.nobody)
            #expect(r.status == 0, "\(command) as nobody in a folder it may not write: \(r.status) \(r.stderr)")
        }
        #expect(StoreCLI.companions(s.db).isEmpty)
    }

    @Test(.enabled(if: canDropPrivileges, "needs root and setpriv"))
    func aUserWhoMayNotReadTheStoreIsToldPermissionDenied() throws {
        let s = try StoreCLI.store(label: "nobody")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: s.folder.path)
        #expect((try FileManager.default.attributesOfItem(atPath: s.db)[.posixPermissions] as? Int) == 0o600)
        for command in [["query", "denials"], ["digest", "--period", StoreCLI.period]] {
            let r = try StoreCLI.run(command + ["--db", s.db], wrapper: Self.nobody)
            #expect(r.status == 4, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("permission denied") && r.stderr.contains("mode 0600, owned by root"), "\(r.stderr)")
        }
        let ingest = try StoreCLI.run(["ingest", "--db", s.db, s.log.path], wrapper: Self.nobody)
        #expect(ingest.status == 4 && ingest.stderr.contains("permission denied"), "\(ingest.stderr)")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: s.folder.path)
        let hidden = try StoreCLI.run(["query", "denials", "--db", s.db], wrapper: Self.nobody)
        #expect(hidden.status == 4)
        #expect(hidden.stderr.contains("permission denied") && hidden.stderr.contains("may not be entered"), "\(hidden.stderr)")
        #expect(!hidden.stderr.contains("no such database"))
    }

    /// Foreign (rollback and WAL journal) and newer files: refused by every command and left
    /// byte-identical, with no -wal or -shm behind.
    @Test func foreignAndNewerFilesAreRefusedUntouchedByEveryCommand() throws {
        let s = try StoreCLI.store(label: "foreign")
        let rollback = s.folder.appendingPathComponent("rollback.db").path
        let wal = s.folder.appendingPathComponent("wal.db").path
        let newer = s.folder.appendingPathComponent("newer.db").path
        _ = try runProcess("/usr/bin/env", ["sqlite3", rollback, "CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');"])
        _ = try runProcess("/usr/bin/env", ["sqlite3", wal, "PRAGMA journal_mode=WAL; CREATE TABLE notes(x); INSERT INTO notes VALUES ('mine');"])
        try FileManager.default.copyItem(atPath: s.db, toPath: newer)
        _ = try runProcess("/usr/bin/env", ["sqlite3", newer, "PRAGMA user_version = 99;"])
        for path in [rollback, wal, newer] {
            #expect(StoreCLI.companions(path).isEmpty)
            let before = try StoreCLI.sha256(path)
            var commands = StoreCLI.readers.map { Self.args($0, path) }
            commands += StoreCLI.readers.map { Self.args($0, path) + ["--read-only-media"] }
            commands.append(["ingest", "--db", path, s.log.path])
            for command in commands {
                let r = try StoreCLI.run(command)
                #expect(r.status == 4, "\(command): \(r.status) \(r.stderr)")
                #expect(r.stderr.contains("not an svirt-trace database") || r.stderr.contains("newer than this svirt-trace"),
                        "\(command): \(r.stderr)")
            }
            let watch = try StoreCLI.run(["watch", "--db", path, "--follow", s.log.path], wrapper: ["/usr/bin/timeout", "30"])
            #expect(watch.status == 4, "watch: \(watch.status) \(watch.stderr)")
            #expect(try StoreCLI.sha256(path) == before, "\(path) changed")
            #expect(StoreCLI.companions(path).isEmpty, "\(path): \(StoreCLI.companions(path)) left behind")
        }
    }
}
