/// What the reports need of a store's connection, whichever engine holds it: SQLite for a
/// host's store, PostgreSQL for the fleet's. Rows come back as plain `SQLValue`s either way.
public protocol SQLReader: AnyObject {
    /// A statement to bind and step through, row by row.
    func query(_ sql: String) throws -> any SQLCursor
    /// A statement bound again and again for a few rows each time (a name by id): on a server,
    /// one round trip per binding instead of a cursor's several.
    func lookup(_ sql: String) throws -> any SQLCursor
    /// Every row of a small query.
    func rows(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]]
    /// True when every statement is a round trip to a server: a report then asks for many keys
    /// in one statement rather than one lookup per key, which in-process SQLite does cheaper.
    var statementsAreRoundTrips: Bool { get }
}

extension SQLReader {
    public func rows(_ sql: String) throws -> [[SQLValue]] { try rows(sql, []) }
}

/// One statement's rows, read forward. Binding again starts it over.
public protocol SQLCursor: AnyObject {
    func bind(_ values: [SQLValue]) throws
    /// True while a row is available.
    @discardableResult func step() throws -> Bool
    func value(at index: Int) -> SQLValue
    func int64(at index: Int) -> Int64?
    func string(at index: Int) -> String?
}

extension SQLCursor {
    public func int64(at index: Int) -> Int64? { value(at: index).int64 }
    public func string(at index: Int) -> String? { value(at: index).string }
}

extension SQLiteDatabase: SQLReader {
    public func query(_ sql: String) throws -> any SQLCursor { try prepare(sql) }
    public func lookup(_ sql: String) throws -> any SQLCursor { try prepare(sql) }
    public var statementsAreRoundTrips: Bool { false }
}

extension SQLiteStatement: SQLCursor {}
