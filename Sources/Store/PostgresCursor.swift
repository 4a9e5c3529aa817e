import Native

/// A statement's rows read through a server-side cursor, 10,000 rows at a time: a report over
/// millions of denials does not hold them all, and other statements (a name looked up per row)
/// can run on the same connection between batches, as they do between SQLite steps.
final class PostgresCursor: SQLCursor {
    private let connection: PostgresConnection
    private let sql: String
    private let name: String
    private var values: [SQLValue] = []
    private var open = false
    private var exhausted = false
    private var batch: [[SQLValue]] = []
    private var position = -1

    static let batchSize = 10_000

    init(connection: PostgresConnection, sql: String, name: String) {
        self.connection = connection
        self.sql = sql
        self.name = name
    }

    deinit {
        if open { _ = try? connection.run("CLOSE \(name)") }
    }

    func bind(_ values: [SQLValue]) throws {
        try close()
        self.values = values
    }

    @discardableResult
    func step() throws -> Bool {
        if !open && !exhausted {
            try connection.run("DECLARE \(name) NO SCROLL CURSOR FOR \(sql)", values)
            open = true
        }
        position += 1
        if position < batch.count { return true }
        guard open else { return false }
        batch = try connection.rows("FETCH \(Self.batchSize) FROM \(name)")
        position = 0
        if batch.count < Self.batchSize {
            try connection.run("CLOSE \(name)")
            open = false
            exhausted = true
        }
        return !batch.isEmpty
    }

    private func close() throws {
        if open { try connection.run("CLOSE \(name)") }
        open = false
        exhausted = false
        batch = []
        position = -1
    }

    func value(at index: Int) -> SQLValue {
        guard position >= 0, position < batch.count, index >= 0, index < batch[position].count else { return .null }
        return batch[position][index]
    }
}
