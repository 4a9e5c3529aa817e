import Foundation
import Native

/// Opens the store: creates it with mode 0600, applies the embedded migrations, turns on WAL.
/// Readers open read-only and never create or migrate anything.
public final class Database {
    public let connection: SQLiteDatabase
    public let path: String
    public let busyTimeoutMilliseconds: Int32

    public enum Access: Sendable { case readOnly, readWrite }

    public init(path: String, access: Access, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        self.path = path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        let fm = FileManager.default
        switch access {
        case .readOnly:
            guard fm.fileExists(atPath: path) else { throw StoreError.missingDatabase(path) }
            do {
                connection = try SQLiteDatabase(path: path, mode: .readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
                try Self.checkVersion(connection, path: path, allowOlder: false)
            } catch {
                throw StoreError.wrap(error, path: path, timeout: busyTimeoutMilliseconds)
            }
        case .readWrite:
            let folder = (path as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            if !folder.isEmpty, !(fm.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
                throw StoreError.missingFolder(folder)
            }
            if !fm.fileExists(atPath: path) {
                // Created before SQLite sees it so the mode is 0600 from the first byte; SQLite
                // gives the -wal and -shm files the same mode.
                guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw StoreError.cannotCreate(path: path, reason: "permission denied or read-only file system")
                }
            }
            do {
                connection = try SQLiteDatabase(path: path, mode: .readWriteCreate, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
                try connection.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16384;")
                try Self.checkVersion(connection, path: path, allowOlder: true)
                try migrate()
            } catch {
                throw StoreError.wrap(error, path: path, timeout: busyTimeoutMilliseconds)
            }
        }
    }

    /// The default path: `$SVIRT_TRACE_DB`, else a system path for root, else the user's state folder.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment,
                                   isRoot: Bool = geteuid() == 0) -> String {
        if let path = environment["SVIRT_TRACE_DB"], !path.isEmpty { return path }
        if isRoot { return "/var/lib/svirt-trace/svirt-trace.db" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return "\(home)/.local/state/svirt-trace/svirt-trace.db"
    }

    public var schemaVersion: Int {
        (try? connection.rows("PRAGMA user_version").first?.first?.int64).flatMap { $0.map(Int.init) } ?? 0
    }

    private static func checkVersion(_ db: SQLiteDatabase, path: String, allowOlder: Bool) throws {
        let found = Int(try db.rows("PRAGMA user_version").first?.first?.int64 ?? 0)
        let supported = Migration.currentVersion
        if found > supported { throw StoreError.schemaTooNew(path: path, found: found, supported: supported) }
        if found < supported, !allowOlder {
            if found == 0 {
                let tables = try db.rows("SELECT count(*) FROM sqlite_master").first?.first?.int64 ?? 0
                if tables > 0 { throw StoreError.notOurDatabase(path) }
            }
            throw StoreError.schemaTooOld(path: path, found: found, supported: supported)
        }
    }

    /// Applies what is missing, each migration in its own transaction. The version is read
    /// under the write lock: two writers opening a new database at once must not both create it.
    private func migrate() throws {
        for migration in Migration.all {
            try connection.execute("BEGIN IMMEDIATE")
            do {
                let found = schemaVersion
                if found == 0 {
                    let tables = try connection.rows("SELECT count(*) FROM sqlite_master").first?.first?.int64 ?? 0
                    if tables > 0 { throw StoreError.notOurDatabase(path) }
                }
                if migration.version > found {
                    try connection.execute(migration.sql)
                    try connection.execute("PRAGMA user_version = \(migration.version)")
                }
                try connection.execute("COMMIT")
            } catch {
                try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }
}
