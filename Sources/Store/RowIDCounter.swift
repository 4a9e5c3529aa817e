import Native

/// Chooses the ids of rows a writer inserts, one past the highest as SQLite would, reading the
/// highest once per transaction. A row whose id is known before it is inserted can go in on the
/// connection's write thread (`runDeferred`) while the caller goes on. Sound while the write
/// lock is held (no other connection inserts) and reset whenever rows of the table were
/// inserted or deleted by anything but the owner, and at the end of every transaction.
final class RowIDCounter {
    private let highest: SQLiteStatement
    private var next: Int64?

    init(connection: SQLiteDatabase, table: String) throws {
        highest = try connection.prepare("SELECT max(id) FROM \(table)")
    }

    func take() throws -> Int64 {
        let id = try next ?? highestNow() + 1
        next = id + 1
        return id
    }

    /// The highest id in the table now (0 when it is empty), read from the table.
    func highestNow() throws -> Int64 {
        try highest.bind([])
        defer { try? highest.bind([]) }
        guard try highest.step() else { throw SQLiteError(code: 1, message: "max(id) returned nothing", sql: highest.sql) }
        return highest.int64(at: 0) ?? 0
    }

    func reset() { next = nil }
}
