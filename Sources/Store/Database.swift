import Foundation
import Native

/// Opens the store: creates it with mode 0600, applies the embedded migrations, turns on WAL.
/// Readers open read-only and never create or migrate anything. Nothing is changed in a file
/// before its schema says it is ours (a foreign or newer file stays byte-identical).
public final class Database {
    public let connection: SQLiteDatabase
    public let path: String
    public let busyTimeoutMilliseconds: Int32
    /// Opened with SQLite's `immutable` flag, as on read-only media: no lock, no -shm file, and a
    /// -wal file beside the database is not read.
    public let isImmutable: Bool
    /// What the operator should hear about this open (transactions an immutable open cannot see).
    public let warnings: [String]
    /// A fleet spool's: shipped outbox entries, cleared by the writer before each commit.
    public var outboxCleaner: FleetOutboxCleaner?

    public enum Access: Sendable { case readOnly, readWrite }

    /// - Parameter readOnlyMedia: readers only: open immutable even where a shared open would work
    ///   (a copy on media that must not change, or a folder that looks writable but is not).
    public init(path: String, access: Access, busyTimeoutMilliseconds: Int32 = 10_000, readOnlyMedia: Bool = false) throws {
        self.path = path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        let files = DatabaseFiles.inspect(path)
        switch access {
        case .readOnly:
            if let problem = files.readProblem() { throw problem }
            do {
                try Self.refuseForeignOrNewer(path)
                (connection, isImmutable) = try Self.openForReading(files, forced: readOnlyMedia, timeout: busyTimeoutMilliseconds)
            } catch {
                throw StoreError.wrap(error, path: path, timeout: busyTimeoutMilliseconds)
            }
            warnings = isImmutable ? [files.unseenWALWarning()].compactMap { $0 } : []
        case .readWrite:
            isImmutable = false
            warnings = []
            if let problem = files.folderProblem() { throw problem }
            if let problem = files.writeProblem() { throw problem }
            if files.exists {
                do { try Self.refuseForeignOrNewer(path) } catch {
                    throw StoreError.wrap(error, path: path, timeout: busyTimeoutMilliseconds)
                }
            } else {
                // Created before SQLite sees it so the mode is 0600 from the first byte; SQLite
                // gives the -wal and -shm files the same mode.
                // Exclusively: another writer starting at the same moment may have created (and
                // opened) it already.
                // Through a link made ahead for the store, the file is made where it points.
                switch ExclusiveFile.create(path: files.danglingLinkTarget ?? path, mode: 0o600) {
                case .created: break
                case .alreadyThere:
                    do { try Self.refuseForeignOrNewer(path) } catch {
                        throw StoreError.wrap(error, path: path, timeout: busyTimeoutMilliseconds)
                    }
                case .failed(let reason):
                    throw StoreError.cannotCreate(path: path, reason: reason)
                }
            }
            do {
                connection = try SQLiteDatabase(path: path, mode: .readWriteCreate, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
                // A writer waits for the lock in short polls from the start (see pollWhileBusy).
                connection.pollWhileBusy(timeoutMilliseconds: busyTimeoutMilliseconds)
                // Checked again through the writer's own connection (a -wal file may say more than
                // the main file), still before the first change.
                try Self.checkVersion(connection, path: path, allowOlder: true)
                // Two writers opening a new file at once: switching the journal mode from a read
                // lock while the other holds the write lock is refused at once, without SQLite's
                // busy handler (deadlock avoidance), so it is tried again here.
                try Self.retryWhileBusy(timeoutMilliseconds: busyTimeoutMilliseconds) {
                    try connection.execute("PRAGMA journal_mode=WAL")
                }
                try connection.execute("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16384;")
                try migrate()
                connection.checkpointInBackground()
            } catch {
                throw StoreError.wrap(error, path: path, timeout: busyTimeoutMilliseconds)
            }
        }
    }

    private static func retryWhileBusy(timeoutMilliseconds: Int32, _ body: () throws -> Void) throws {
        let deadline = Date().addingTimeInterval(Double(max(1, timeoutMilliseconds)) / 1000)
        while true {
            do {
                try body()
                return
            } catch let error as SQLiteError where error.isBusy && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.002)
            }
        }
    }

    /// Why `path` holds no store when it is a symbolic link to nothing (the target named with
    /// every link followed, relative ones from the link's folder); nil for anything else.
    public static func danglingLinkProblem(_ path: String) -> StoreError? {
        FileStatus.isDanglingLink(path) ? DatabaseFiles.inspect(path).danglingLinkProblem() : nil
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

    /// Reads the version from the main file alone (immutable: no lock, and no -wal or -shm file
    /// is created beside it) and refuses a foreign or newer file before any open that could
    /// change it. A probe that cannot read the file decides nothing: the real open reports it.
    private static func refuseForeignOrNewer(_ path: String) throws {
        // The probe reads without a lock: a writer creating the file, or checkpointing it, can
        // be caught half-way. A foreign file says the same every time, so a "not ours" verdict
        // is believed only when it holds a few times in a row.
        var attempt = 0
        while true {
            attempt += 1
            do {
                try probeOnce(path)
                return
            } catch StoreError.notOurDatabase(let path) where attempt < 4 {
                _ = path
                Thread.sleep(forTimeInterval: 0.025)
            }
        }
    }

    private static func probeOnce(_ path: String) throws {
        guard let probe = try? SQLiteDatabase(path: path, mode: .readOnlyImmutable) else { return }
        do {
            try checkVersion(probe, path: path, allowOlder: true)
        } catch StoreError.notOurDatabase(let path) {
            // The main file alone is a consistent picture only without a -wal beside it: while
            // another writer's checkpoint copies pages, it can show tables before the version.
            // The check through a normal connection, still before any change, decides then.
            if DatabaseFiles.inspect(path).walBytes > 0 { return }
            throw StoreError.notOurDatabase(path)
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError where error.isNotADatabase {
            throw StoreError.notOurDatabase(path)
        } catch {
            return
        }
    }

    /// A shared read-only open where it can work, else (or when forced) an immutable one.
    private static func openForReading(_ files: DatabaseFiles, forced: Bool, timeout: Int32) throws -> (SQLiteDatabase, Bool) {
        if files.readMode(forced: forced) == .shared {
            do {
                let db = try SQLiteDatabase(path: files.path, mode: .readOnly, busyTimeoutMilliseconds: timeout)
                try checkVersion(db, path: files.path, allowOlder: false)
                return (db, false)
            } catch let error as SQLiteError where error.isReadOnlyMedia && !files.folderWritable {
                // A -shm file this user may not write in a folder it may not write: read the
                // main file alone, as on read-only media.
            }
        }
        let db = try SQLiteDatabase(path: files.path, mode: .readOnlyImmutable, busyTimeoutMilliseconds: timeout)
        try checkVersion(db, path: files.path, allowOlder: false)
        return (db, true)
    }

    private static func checkVersion(_ db: SQLiteDatabase, path: String, allowOlder: Bool) throws {
        // One statement, one snapshot: read in two, another writer creating the store could
        // commit between them, and its tables would be taken for a foreign store's (version 0).
        let row = try db.rows("SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)").first
        let found = Int(row?[0].int64 ?? 0)
        let supported = Migration.currentVersion
        if found > supported { throw StoreError.schemaTooNew(path: path, found: found, supported: supported) }
        if found == 0, (row?[1].int64 ?? 0) > 0 { throw StoreError.notOurDatabase(path) }
        // Nothing in it at all: a store a writer is making this moment, or an empty file.
        if found == 0, !allowOlder { throw StoreError.emptyDatabase(path) }
        if found < supported, !allowOlder { throw StoreError.schemaTooOld(path: path, found: found, supported: supported) }
    }

    /// Applies what is missing (Migrator: each migration in its own transaction, under the
    /// write lock).
    private func migrate() throws {
        try Migrator.migrate(SQLiteMigrationBackend(connection: connection), to: Migration.all, name: path)
    }
}

