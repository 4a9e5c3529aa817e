import Foundation
import Testing
import Native
@testable import Store
import TestSupport
import Formatting

@Suite struct DatabaseTests {
    @Test func theEmbeddedMigrationsMatchSchemaFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryRoot.appendingPathComponent("schema").path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        #expect(Migration.all.map(\.file) == files)
        for migration in Migration.all {
            #expect(migration.sql == (try Fixtures.read("schema/\(migration.file)")), "\(migration.file) differs from its embedded copy")
        }
    }

    @Test func migratingAnEmptyDatabaseGivesTheExpectedSchema() throws {
        let folder = try Fixtures.temporaryFolder("db")
        let db = try Database(path: folder.appendingPathComponent("s.db").path, access: .readWrite)
        #expect(db.schemaVersion == Migration.currentVersion)
        let tables = try db.connection.rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .compactMap { $0[0].string }
        #expect(tables == ["alert_deliveries", "alert_windows", "alert_windows_unowned", "alerts", "audit_events", "coverage_marks", "daily_totals", "denial_runs",
                           "events", "evidence_blocks", "guest_resources", "guests", "leases", "node_activity", "pair_totals",
                           "parse_error_counts", "parse_errors", "raw_records", "run_parties", "sources", "strings"])
        #expect(db.schemaVersion == 10)
        let denialColumns = try db.connection.rows("SELECT name FROM pragma_table_info('denials')").compactMap { $0[0].string }
        for column in ["node", "time_ms", "serial", "kind", "scontext", "tcontext", "tclass", "perms", "permissive", "pid",
                       "comm", "exe", "path", "boolean", "syscall", "success", "exit_code", "uid", "auid", "cwd", "proctitle", "reason"] {
            #expect(denialColumns.contains(column), "denials.\(column)")
        }
        #expect(try db.connection.rows("PRAGMA journal_mode").first?.first?.string == "wal")
    }

    @Test func theFileIsCreatedPrivate() throws {
        let path = try Fixtures.temporaryFolder("db").appendingPathComponent("p.db").path
        _ = try Database(path: path, access: .readWrite)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func readersNeverCreateADatabase() throws {
        let path = try Fixtures.temporaryFolder("db").appendingPathComponent("missing.db").path
        #expect(throws: StoreError.self) { try Database(path: path, access: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aMissingFolderIsNamed() throws {
        let path = try Fixtures.temporaryFolder("db").appendingPathComponent("no/such/folder/x.db").path
        do {
            _ = try Database(path: path, access: .readWrite)
            Issue.record("opened a database in a missing folder")
        } catch let error as StoreError {
            guard case .missingFolder(let folder) = error else { Issue.record("\(error)"); return }
            #expect(folder.hasSuffix("no/such/folder"))
        }
    }

    @Test func aLinkMadeAheadForTheStoreIsWhereAWriterMakesIt() throws {
        let folder = try Fixtures.temporaryFolder("db")
        let link = folder.appendingPathComponent("store.db").path
        let target = folder.appendingPathComponent("elsewhere/made.db").path
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("elsewhere").path, withIntermediateDirectories: false)
        #expect(symlink("elsewhere/made.db", link) == 0)
        // A reader finds nothing there yet, and says so.
        do {
            _ = try Database(path: link, access: .readOnly)
            Issue.record("a reader opened a store through a link to nothing")
        } catch let error as StoreError {
            guard case .danglingLink(let path, let named, _) = error else { Issue.record("\(error)"); return }
            #expect(path == link && named == target)
            #expect("\(error)".contains("symbolic link to \(target), which does not exist: no database there yet"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: target))
        // A writer makes the store where the link points, and the link stays a link.
        let made = try Database(path: link, access: .readWrite)
        #expect(made.schemaVersion == Migration.currentVersion)
        #expect(FileManager.default.fileExists(atPath: target))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == "elsewhere/made.db")
        #expect(try FileStatus(path: target).permissions == 0o600)

        // A link into a folder that does not exist: refused in words, nothing made.
        let lost = folder.appendingPathComponent("lost.db").path
        #expect(symlink(folder.appendingPathComponent("nowhere/x.db").path, lost) == 0)
        do {
            _ = try Database(path: lost, access: .readWrite)
            Issue.record("a writer opened a store through a link into a missing folder")
        } catch let error as StoreError {
            #expect("\(error)".contains("whose folder \(folder.appendingPathComponent("nowhere").path) does not exist"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nowhere").path))
    }

    @Test func aNewerSchemaIsRefusedAndLeftAlone() throws {
        let path = try Fixtures.temporaryFolder("db").appendingPathComponent("n.db").path
        _ = try Database(path: path, access: .readWrite)
        let raw = try SQLiteDatabase(path: path, mode: .readWriteCreate)
        try raw.execute("PRAGMA user_version = \(Migration.currentVersion + 5)")
        for access in [Database.Access.readOnly, .readWrite] {
            do {
                _ = try Database(path: path, access: access)
                Issue.record("opened a newer schema")
            } catch let error as StoreError {
                guard case .schemaTooNew = error else { Issue.record("\(error)"); continue }
            }
        }
        #expect(try raw.rows("PRAGMA user_version").first?.first?.int64 == Int64(Migration.currentVersion + 5))
    }

    @Test func aForeignDatabaseIsNotTouched() throws {
        let path = try Fixtures.temporaryFolder("db").appendingPathComponent("f.db").path
        let raw = try SQLiteDatabase(path: path, mode: .readWriteCreate)
        try raw.execute("CREATE TABLE mine(x)")
        #expect(throws: StoreError.self) { try Database(path: path, access: .readWrite) }
        #expect(throws: StoreError.self) { try Database(path: path, access: .readOnly) }
        #expect(try raw.rows("SELECT count(*) FROM sqlite_master").first?.first?.int64 == 1)
    }

    @Test func aLockedDatabaseWaitsThenSaysWhoHoldsIt() throws {
        let path = try Fixtures.temporaryFolder("db").appendingPathComponent("l.db").path
        let first = try Database(path: path, access: .readWrite)
        let writer = try IngestWriter(database: first)
        try writer.begin()
        let second = try Database(path: path, access: .readWrite, busyTimeoutMilliseconds: 200)
        let other = try IngestWriter(database: second)
        let started = Date()
        do {
            try other.begin()
            Issue.record("took a held write lock")
        } catch let error as StoreError {
            guard case .locked = error else { Issue.record("\(error)"); return }
            #expect(Date().timeIntervalSince(started) >= 0.15)
            #expect(error.description.contains("locked by another writer"))
        }
        try writer.commit()
        try other.begin()
        try other.commit()
    }

    @Test func timestampsMatchFoundation() {
        var rng = SplitMix64(seed: 7)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for _ in 0..<500 {
            let ms = Int64(rng.next() % 4_000_000_000_000)
            #expect(Timestamp.iso8601(milliseconds: ms) == formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000)))
        }
        #expect(Timestamp.iso8601(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
    }

    @Test func jsonQuotingEscapesEveryControlCharacter() {
        #expect(JSONText.quote("a\"b\\c\n\u{1B}]0;x\u{07}\u{2028}") == #""a\"b\\c\n\u001b]0;x\u0007\u2028""#)
    }

    /// A line or paragraph separator in a value (a host or guest name) is shown escaped on a
    /// terminal, as a newline is: some terminals and log viewers break the line there.
    @Test func terminalTextEscapesLineAndParagraphSeparators() {
        #expect(TerminalText.escape("hv\u{2028}01\u{2029}x\n") == "hv\\u{2028}01\\u{2029}x\\n")
        #expect(TerminalText.escapeControls("a\u{2028}b\nc") == "a\\u{2028}b\nc")
    }
}
