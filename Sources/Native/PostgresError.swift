/// A PostgreSQL failure: the server's SQLSTATE and message when the server answered, libpq's own
/// message when it could not be reached. Never carries the connection string, which can hold a
/// password.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// Five characters (`42501`, `23505`, ...), or nil when no server answered.
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    public var sql: String?
    /// The connection is gone (server stopped, network down): the caller may reconnect.
    public var connectionLost: Bool

    public init(sqlState: String?, message: String, detail: String? = nil, hint: String? = nil,
                sql: String? = nil, connectionLost: Bool = false) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.sql = sql
        self.connectionLost = connectionLost
    }

    /// A text value with a NUL byte, which PostgreSQL's text type cannot hold.
    public static let nulInText = PostgresError(sqlState: "22021", message: "a text value holds a NUL byte, which PostgreSQL cannot store")

    /// 42501: a grant or a row-level security policy refused the statement.
    public var isPermissionDenied: Bool { sqlState == "42501" }
    /// 23505: a unique key already holds the row.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// Class 08 (connection exception), 57P01-57P03 (the server shuts down or cannot take
    /// connections yet), or a connection libpq reports lost.
    public var isUnavailable: Bool {
        connectionLost || sqlState?.hasPrefix("08") == true || ["57P01", "57P02", "57P03"].contains(sqlState ?? "")
    }

    /// A failed connection that says the server is away for now (nothing answered, or it
    /// answered that it is starting, stopping, recovering or full), not that it refused this
    /// login (a password, role, database or pg_hba.conf line), which waiting does not mend. The
    /// server's words are matched as PostgreSQL writes them (lc_messages C); a message that
    /// matches neither is taken for a refusal.
    public var isOutage: Bool {
        guard connectionLost, sqlState == nil else { return isUnavailable }
        guard message.contains("FATAL:") else { return true }
        return ["the database system is starting up", "the database system is shutting down",
                "the database system is in recovery mode", "the database system is not yet accepting connections",
                "the database system is not accepting connections", "sorry, too many clients already",
                "remaining connection slots are reserved"].contains { message.contains($0) }
    }

    public var description: String {
        var text = "PostgreSQL"
        if let sqlState { text += " error \(sqlState)" }
        text += ": \(message)"
        if let detail { text += " (\(detail))" }
        if let hint { text += "; hint: \(hint)" }
        if let sql { text += " (in: \(sql.count > 120 ? sql.prefix(120) + "…" : sql))" }
        return text
    }
}
