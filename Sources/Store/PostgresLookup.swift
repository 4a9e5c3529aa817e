import Native

/// A statement bound again and again for a few rows each time: each binding runs it once and
/// reads its rows whole, one round trip, where a cursor takes three (declare, fetch, close).
final class PostgresLookup: SQLCursor {
    private let connection: PostgresConnection
    private let sql: String
    private var values: [SQLValue] = []
    private var rows: [[SQLValue]]?
    private var position = -1

    init(connection: PostgresConnection, sql: String) {
        self.connection = connection
        self.sql = sql
    }

    func bind(_ values: [SQLValue]) throws {
        self.values = values
        rows = nil
        position = -1
    }

    @discardableResult
    func step() throws -> Bool {
        if rows == nil { rows = try connection.rows(sql, values) }
        position += 1
        return position < rows!.count
    }

    func value(at index: Int) -> SQLValue {
        guard let rows, position >= 0, position < rows.count, index >= 0, index < rows[position].count else { return .null }
        return rows[position][index]
    }
}
