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
        if let id = next {
            next = id + 1
            return id
        }
        guard try highest.step() else { throw SQLiteError(code: 1, message: "max(id) returned nothing", sql: highest.sql) }
        let id = (highest.int64(at: 0) ?? 0) + 1
        try highest.bind([])
        next = id + 1
        return id
    }

    func reset() { next = nil }
}
