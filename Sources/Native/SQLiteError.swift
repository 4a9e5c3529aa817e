/// An SQLite failure with the statement and SQLite's own message, so the operator can tell a
/// locked database from a corrupt one.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public var code: Int32
    public var message: String
    public var sql: String?

    public init(code: Int32, message: String, sql: String?) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var isBusy: Bool { code == 5 || code == 6 }  // SQLITE_BUSY, SQLITE_LOCKED
    /// SQLITE_READONLY or SQLITE_CANTOPEN: what a shared read-only open reports when it may not
    /// create or write the -shm file (a read-only folder or mount).
    public var isReadOnlyMedia: Bool { code == 8 || code == 14 }
    public var isNotADatabase: Bool { code == 26 }

    public var description: String {
        if let sql { return "SQLite error \(code): \(message) (in: \(sql.prefix(120)))" }
        return "SQLite error \(code): \(message)"
    }
}
