private import CSQLite

/// One SQLite connection. Not thread-safe: one owner at a time (writes handed to `runDeferred`
/// run on a thread of their own, and every other call waits for them first).
public final class SQLiteDatabase {
    public enum Mode: Sendable {
        case readOnly, readWriteCreate
        /// An existing database only (a second connection beside a writer).
        case readWrite
        /// Read-only with SQLite's `immutable` URI parameter: no locks, no -shm or -wal file is
        /// opened or created, so it works on read-only media. The file must not change while open,
        /// and transactions still in a -wal file are not seen.
        case readOnlyImmutable
    }

    fileprivate let handle: OpaquePointer
    public let path: String
    /// The state of `pollWhileBusy`'s handler: SQLite hands it only a pointer.
    private let polledWait = UnsafeMutablePointer<PolledWait>.allocate(capacity: 1)

    /// Set once, before the first connection: SQLite reads its configuration when it initializes.
    private static let configured: Void = {
        _ = svirt_trace_sqlite_without_memory_statistics()
    }()

    public init(path: String, mode: Mode, busyTimeoutMilliseconds: Int32 = 5000) throws {
        Self.configured
        var db: OpaquePointer?
        let flags: Int32 = switch mode {
        case .readOnly: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        case .readWrite: SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        case .readOnlyImmutable: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        }
        let name = mode == .readOnlyImmutable ? Self.immutableURI(path: path) : path
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message, sql: nil)
        }
        handle = db
        self.path = path
        Self.waitWhileBusy(db, upToMilliseconds: busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 0)
    }

    deinit {
        deferred?.stop()
        backgroundCheckpoint?.stop()
        sqlite3_close_v2(handle)
        polledWait.deallocate()
    }

    private(set) var backgroundCheckpoint: SQLiteBackgroundCheckpoint?

    /// A writer's WAL is copied back into the database mostly on a thread of its own once it
    /// holds `frames` pages, instead of inside the commit that crossed the mark (SQLite's
    /// automatic checkpoint at 1000 pages, kept if the thread's connection cannot be opened).
    /// WAL mode first. The default mark is SQLite's own, so that the WAL (and what a copy of
    /// the main file alone misses) stays about as large as before; a larger one made the WAL
    /// 4-7 times larger, enough to fail a nearly full disk that the old build managed.
    public func checkpointInBackground(framesAbove frames: Int32 = 1000) {
        guard backgroundCheckpoint == nil else { return }
        backgroundCheckpoint = SQLiteBackgroundCheckpoint(writer: handle, path: path, framesAbove: frames)
    }

    private var deferred: SQLiteDeferredWrites?

    /// Runs an INSERT or UPDATE whose outcome the caller does not read (no row id, no count of
    /// changes) on the connection's write thread, while the caller goes on. Any other call on the
    /// connection waits until it ran; a failure is thrown by the next call that can throw, and by
    /// every one after it until a ROLLBACK.
    public func runDeferred(_ statement: SQLiteStatement, _ values: [SQLValue]) {
        if deferred == nil { deferred = SQLiteDeferredWrites() }
        deferred?.enqueue(statement, values)
    }

    /// Waits for the deferred writes; throws the failure of any.
    func settle() throws {
        try deferred?.settle()
    }

    func settleQuietly() {
        deferred?.settleQuietly()
    }

    /// `file:///ABSOLUTE/PATH?immutable=1` (or `file:RELATIVE/PATH?immutable=1`), every byte
    /// outside RFC 3986's unreserved set and `/` percent-encoded, so a path holding `?`, `#`, `%`
    /// or spaces names the same file.
    static func immutableURI(path: String) -> String {
        var uri = path.hasPrefix("/") ? "file://" : "file:"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                uri.unicodeScalars.append("%")
                uri.unicodeScalars.append(hex[Int(byte >> 4)])
                uri.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return uri + "?immutable=1"
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        if sql == "ROLLBACK" { deferred?.discardFailure() } else { try settle() }
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw SQLiteError(code: rc, message: message, sql: sql)
        }
    }

    public func prepare(_ sql: String) throws -> SQLiteStatement {
        try settle()
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw SQLiteError(code: rc, message: lastErrorMessage, sql: sql)
        }
        return SQLiteStatement(handle: stmt, database: self, sql: sql)
    }

    /// Convenience for small queries: every row as an array of values.
    public func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
        let stmt = try prepare(sql)
        try stmt.bind(values)
        var out: [[SQLValue]] = []
        while try stmt.step() {
            out.append((0..<stmt.columnCount).map { stmt.value(at: $0) })
        }
        return out
    }

    /// Runs one statement with bound values, ignoring any rows.
    public func run(_ sql: String, _ values: [SQLValue]) throws {
        try prepare(sql).run(values)
    }

    /// Of the last statement run at once, never of a deferred one: the caller reads it right
    /// after its own statement, which waited for every deferred write first.
    public var lastInsertRowID: Int64 {
        settleQuietly()
        return sqlite3_last_insert_rowid(handle)
    }
    public var changes: Int {
        settleQuietly()
        return Int(sqlite3_changes(handle))
    }

    /// Before a statement is finalized: on the caller's thread, the write thread must be idle; on
    /// the write thread (a job held the statement's last reference), it is the only user.
    func settleBeforeFinalizing() {
        guard let deferred, !deferred.isWorkerThread else { return }
        deferred.settleQuietly()
    }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
    var lastErrorCode: Int32 { sqlite3_errcode(handle) }
}

/// A prepared statement, reused across rows on the hot insert path.
public final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase
    public let sql: String

    fileprivate init(handle: OpaquePointer, database: SQLiteDatabase, sql: String) {
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit {
        database.settleBeforeFinalizing()
        sqlite3_finalize(handle)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    public func bind(_ values: [SQLValue]) throws {
        try database.settle()
        try bindNow(values)
    }

    private func bindNow(_ values: [SQLValue]) throws {
        sqlite3_reset(handle)
        if values.count < Int(sqlite3_bind_parameter_count(handle)) { sqlite3_clear_bindings(handle) }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
            case .real(let v): rc = sqlite3_bind_double(handle, index, v)
            case .text(var s):
                // The string's own UTF-8 bytes, without the NUL-terminated copy an implicit
                // String-to-pointer conversion can make; SQLITE_TRANSIENT: SQLite copies them
                // before the Swift string goes away.
                rc = s.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        guard let base = chars.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, Self.transient) }
                        return sqlite3_bind_text(handle, index, base, Int32(chars.count), Self.transient)
                    }
                }
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), Self.transient)
                }
            }
            guard rc == SQLITE_OK else { throw SQLiteError(code: rc, message: database.lastErrorMessage, sql: sql) }
        }
    }

    /// Returns true while a row is available.
    @discardableResult
    public func step() throws -> Bool {
        try database.settle()
        return try stepNow()
    }

    private func stepNow() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(code: rc, message: database.lastErrorMessage, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Binds, runs to completion and resets: for INSERT/UPDATE statements.
    public func run(_ values: [SQLValue]) throws {
        try database.settle()
        try runNow(values)
    }

    /// `run` without waiting for deferred writes: the write thread's own call.
    func runNow(_ values: [SQLValue]) throws {
        try bindNow(values)
        while try stepNow() {}
        sqlite3_reset(handle)
    }

    public var columnCount: Int {
        database.settleQuietly()
        return Int(sqlite3_column_count(handle))
    }

    public func columnName(_ index: Int) -> String {
        database.settleQuietly()
        return sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    public func value(at index: Int) -> SQLValue {
        database.settleQuietly()
        let i = Int32(index)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, i))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, i))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, i))
            guard count > 0, let base = sqlite3_column_blob(handle, i) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: base, count: count)))
        default:
            guard let text = sqlite3_column_text(handle, i) else { return .null }
            // Length-aware: a decoded guest name may hold NUL bytes.
            let count = Int(sqlite3_column_bytes(handle, i))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }

    public func int64(at index: Int) -> Int64? { value(at: index).int64 }
    public func string(at index: Int) -> String? { value(at: index).string }
}

extension SQLiteDatabase {
    /// Waits for a busy lock by trying again every millisecond, up to `timeoutMilliseconds`.
    /// SQLite's own busy timeout backs off to 100 ms sleeps, so a writer that commits and begins
    /// again within a few milliseconds (a long ingest) can keep a waiting one (watch) out for as
    /// long as it runs; short polls let the waiting writer in at the next commit.
    /// The wait is timed by the monotonic clock: counting tries as milliseconds overran the
    /// timeout by a tenth and more (each try takes longer than its sleep).
    public func pollWhileBusy(timeoutMilliseconds: Int32) {
        polledWait.initialize(to: PolledWait(timeoutNanoseconds: UInt64(max(1, timeoutMilliseconds)) * 1_000_000, started: 0))
        sqlite3_busy_handler(handle, { context, tries in
            guard let wait = context?.assumingMemoryBound(to: PolledWait.self),
                  !ProcessSignals.batchStopWasRequested else { return 0 }
            let now = PolledWait.now()
            if tries == 0 { wait.pointee.started = now }
            guard now &- wait.pointee.started < wait.pointee.timeoutNanoseconds else { return 0 }
            sqlite3_sleep(1)
            return 1
        }, UnsafeMutableRawPointer(polledWait))
    }

    /// SQLite's own busy timeout (the same sleeps: 1 ms, growing to 100), except that a batch
    /// run's stop (SIGTERM or SIGINT to ingest) ends the wait at the next sleep's end: with
    /// `--lock-timeout 3600` and another writer holding the lock, ingest would otherwise take its
    /// stop only when that writer let go, or after the hour.
    static func waitWhileBusy(_ db: OpaquePointer, upToMilliseconds timeout: Int32) {
        guard timeout > 0 else {
            sqlite3_busy_timeout(db, 0)
            return
        }
        sqlite3_busy_handler(db, { limit, tries in
            guard !ProcessSignals.batchStopWasRequested else { return 0 }
            let timeout = Int(bitPattern: limit)
            let waited = BusySchedule.waited(beforeTry: Int(tries))
            let sleep = min(BusySchedule.sleep(atTry: Int(tries)), timeout - waited)
            guard sleep > 0 else { return 0 }
            sqlite3_sleep(Int32(sleep))
            return 1
        }, UnsafeMutableRawPointer(bitPattern: Int(timeout)))
    }
}
