import Foundation
import Testing
import Native
@testable import Store
import TestSupport

/// How the store is opened: foreign and newer files left byte-identical, read-only media,
/// permission messages.
@Suite struct StoreOpeningTests {
    static func sha256(_ path: String) throws -> String {
        let r = try runProcess("/usr/bin/env", ["sha256sum", path])
        return String(decoding: r.stdout, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }

    static func companions(_ path: String) -> [String] {
        ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: path + $0) }
    }

    /// A foreign database in rollback mode, one in WAL mode, and one of ours from a newer version.
    static func strangers(in folder: URL) throws -> [String] {
        let rollback = folder.appendingPathComponent("foreign-rollback.db").path
        let raw = try SQLiteDatabase(path: rollback, mode: .readWriteCreate)
        try raw.execute("CREATE TABLE mine(x); INSERT INTO mine VALUES (1);")
        let wal = folder.appendingPathComponent("foreign-wal.db").path
        let rawWAL = try SQLiteDatabase(path: wal, mode: .readWriteCreate)
        try rawWAL.execute("PRAGMA journal_mode=WAL; CREATE TABLE mine(x); INSERT INTO mine VALUES (1);")
        let newer = folder.appendingPathComponent("newer.db").path
        _ = try Database(path: newer, access: .readWrite)
        let rawNewer = try SQLiteDatabase(path: newer, mode: .readWriteCreate)
        try rawNewer.execute("PRAGMA user_version = \(Migration.currentVersion + 1)")
        return [rollback, wal, newer]
    }

    @Test func foreignAndNewerFilesStayByteIdenticalWithNoCompanionsLeft() throws {
        let folder = try Fixtures.temporaryFolder("open")
        for path in try Self.strangers(in: folder) {
            #expect(Self.companions(path).isEmpty, "\(path): the fixture closed cleanly")
            let before = try Self.sha256(path)
            for (access, media) in [(Database.Access.readWrite, false), (.readOnly, false), (.readOnly, true)] {
                do {
                    _ = try Database(path: path, access: access, readOnlyMedia: media)
                    Issue.record("\(path) opened as \(access)")
                } catch let error as StoreError {
                    switch error {
                    case .notOurDatabase, .schemaTooNew: break
                    default: Issue.record("\(path): \(error)")
                    }
                }
                #expect(try Self.sha256(path) == before, "\(path) changed by a \(access) open")
                #expect(Self.companions(path).isEmpty, "\(path): \(Self.companions(path)) left behind by a \(access) open")
            }
            let version = try SQLiteDatabase(path: path, mode: .readOnly).rows("PRAGMA journal_mode").first?.first?.string
            #expect(version == (path.hasSuffix("rollback.db") ? "delete" : "wal"), "\(path): journal mode kept")
        }
    }

    @Test func pathsWithURICharactersOpenImmutable() throws {
        let folder = try Fixtures.temporaryFolder("open").appendingPathComponent("a?b#c%20d e")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("x%41?.db").path
        let writer = try Database(path: path, access: .readWrite)
        try writer.connection.execute("INSERT INTO sources(first_line_hash, prefix_hash, prefix_length, last_path) VALUES ('h','p',0,'x')")
        try writer.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let reader = try Database(path: path, access: .readOnly, readOnlyMedia: true)
        #expect(reader.isImmutable)
        #expect(try reader.connection.rows("SELECT count(*) FROM sources").first?.first?.int64 == 1)
        // A relative path too.
        let previous = FileManager.default.currentDirectoryPath
        try #require(FileManager.default.changeCurrentDirectoryPath(folder.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let relative = try Database(path: "x%41?.db", access: .readOnly, readOnlyMedia: true)
        #expect(try relative.connection.rows("SELECT count(*) FROM sources").first?.first?.int64 == 1)
    }

    @Test func anImmutableOpenWarnsAboutTransactionsLeftInTheWAL() throws {
        let path = try Fixtures.temporaryFolder("open").appendingPathComponent("w.db").path
        let writer = try Database(path: path, access: .readWrite)
        try writer.connection.execute("PRAGMA wal_autocheckpoint = 0")
        try writer.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try writer.connection.execute("INSERT INTO sources(first_line_hash, prefix_hash, prefix_length, last_path) VALUES ('h','p',0,'x')")
        let shared = try Database(path: path, access: .readOnly)
        #expect(!shared.isImmutable)
        #expect(shared.warnings.isEmpty)
        #expect(try shared.connection.rows("SELECT count(*) FROM sources").first?.first?.int64 == 1)
        let immutable = try Database(path: path, access: .readOnly, readOnlyMedia: true)
        #expect(immutable.warnings.count == 1)
        #expect(immutable.warnings.first?.contains("-wal holds") == true)
        #expect(try immutable.connection.rows("SELECT count(*) FROM sources").first?.first?.int64 == 0, "the WAL is not read")
    }

    @Test func readersPickImmutableOnlyWhereASharedOpenCannotWork() {
        var files = DatabaseFiles(path: "/media/copy/svirt-trace.db")
        files.exists = true
        files.readable = true
        files.folderWritable = true
        #expect(files.readMode(forced: false) == .shared)
        #expect(files.readMode(forced: true) == .immutable)
        files.folderWritable = false
        #expect(files.readMode(forced: false) == .immutable, "read-only folder or mount, no -shm to share")
        files.shmExists = true
        #expect(files.readMode(forced: false) == .shared, "a -shm file: a writer may be running; share it")
    }

    @Test func permissionProblemsSayPermissionAndWhatToDo() {
        var files = DatabaseFiles(path: "/var/lib/svirt-trace/svirt-trace.db")
        files.folderExists = true
        files.folderSearchable = true
        files.folderWritable = false
        files.exists = true
        files.readable = false
        files.mode = 0o600
        files.owner = "root:root"
        let read = files.readProblem()?.description ?? ""
        #expect(read.contains("permission denied"))
        #expect(read.contains("mode 0600, owned by root:root"))
        #expect(read.contains("run as its owner or root"))
        let write = files.writeProblem()?.description ?? ""
        #expect(write.contains("permission denied") && write.contains("mode 0600"))

        files.exists = false
        files.folderSearchable = false
        files.folderMode = 0o700
        files.folderOwner = "root:root"
        let folder = files.readProblem()?.description ?? ""
        #expect(folder.contains("permission denied") && folder.contains("/var/lib/svirt-trace (mode 0700, owned by root:root)"))
        files.folderSearchable = true
        #expect(files.readProblem()?.description.contains("no such database") == true)
        files.folderWritable = false
        #expect(files.writeProblem()?.description.contains("not writable") == true)
        files.folderWritable = true
        #expect(files.writeProblem().map { "\($0)" } == nil)
    }
}
