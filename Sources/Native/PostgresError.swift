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
    /// A connection that failed, with words that say neither way, after which libpq's ping
    /// found the server up but unable to take connections now (SQLSTATE 57P03: starting,
    /// stopping, in recovery), which a server whose lc_messages is not English says in its own
    /// language.
    public var serverCannotConnectNow = false

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

    /// A failed connection that says the server is away for now (nothing answered, the network
    /// failed, or the server said it is starting, stopping, recovering or full), not that this
    /// login cannot work (a password missing or wrong, a role, database or pg_hba.conf line, a
    /// certificate, a connection string libpq cannot read), which waiting does not mend. libpq's
    /// and the server's words are matched as they write them in English (lc_messages C); a
    /// message that matches neither list is taken for a refusal, as is any host's refusal
    /// among several hosts' failures, unless libpq's ping found the server unable to take
    /// connections now (`serverCannotConnectNow`, whatever its language).
    public var isOutage: Bool {
        guard connectionLost, sqlState == nil else { return isUnavailable }
        if serverCannotConnectNow { return true }
        let fatal = message.components(separatedBy: "FATAL:").dropFirst()
        if fatal.contains(where: { part in !Self.transientRefusals.contains { part.contains($0) } }) { return false }
        return (Self.transientRefusals + Self.networkFailures).contains { message.contains($0) }
    }

    /// A failed connection whose words are a refusal libpq or an English-speaking server
    /// writes: no need to ask the server again what it meant.
    public var isKnownRefusal: Bool {
        guard connectionLost, sqlState == nil else { return false }
        // What each host answered, without libpq's "connection to server at HOST" before it: a
        // host or socket path may hold any of these words.
        let answers = message.components(separatedBy: " failed: ").dropFirst()
            .map { $0.components(separatedBy: "connection to server").first ?? $0 }
        let text = answers.isEmpty ? message : answers.joined(separator: "\n")
        return Self.knownRefusals.contains { text.contains($0) }
    }

    /// libpq's and the server's words for a login that cannot work as it is.
    static let knownRefusals = [
        "password authentication failed", "authentication failed for user", "does not exist", "no pg_hba.conf entry",
        "fe_sendauth", "is not permitted to log in", "permission denied", "certificate", "cannot read the connection string",
        "invalid connection option", "invalid sslmode value", "GSSAPI", "pg_hba.conf", "SSL was required",
        // target_session_attrs that the server does not meet.
        "read-only", "hot standby mode",
    ]

    /// What a server says when it cannot take a connection now, but will.
    static let transientRefusals = [
        "the database system is starting up", "the database system is shutting down", "the database system is in recovery mode",
        "the database system is not yet accepting connections", "the database system is not accepting connections",
        "sorry, too many clients already", "remaining connection slots are reserved", "too many connections for",
        "is not currently accepting connections",
    ]

    /// libpq's and the system's words for a server that did not answer or a network that failed.
    static let networkFailures = [
        // After "failed: ": a certificate file that is missing also says "No such file or directory".
        "failed: Connection refused", "failed: No such file or directory", "failed: timeout expired",
        "failed: Connection timed out", "failed: Network is unreachable", "failed: No route to host",
        "server closed the connection unexpectedly", "could not receive data from server", "could not send data to server",
        "SSL SYSCALL error", "Connection reset by peer", "could not translate host name",
    ]

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
