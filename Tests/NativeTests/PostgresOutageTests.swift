import Testing
import Native

/// Which failed connections are an outage (a scheduled ingest reads its logs into the spool
/// meanwhile) and which are a login that cannot work (refused before a line is read). The
/// messages are libpq's, as PostgresConnection reports them.
@Suite struct PostgresOutageTests {
    static func failure(_ message: String) -> PostgresError {
        PostgresError(sqlState: nil, message: message, connectionLost: true)
    }

    static let outages = [
        #"connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed: No such file or directory; Is the server running locally and accepting connections on that socket?"#,
        #"connection to server at "127.0.0.1", port 1 failed: Connection refused; Is the server running on that host and accepting TCP/IP connections?"#,
        #"connection to server at "127.0.0.1", port 35999 failed: timeout expired"#,
        #"connection to server at "db.example", port 5432 failed: FATAL:  the database system is starting up"#,
        #"connection to server at "db.example", port 5432 failed: FATAL:  the database system is shutting down"#,
        #"connection to server at "db.example", port 5432 failed: FATAL:  sorry, too many clients already"#,
        #"connection to server at "db.example", port 5432 failed: FATAL:  too many connections for role "writer_hv01""#,
        #"connection to server at "db.example", port 5432 failed: FATAL:  database "fleet" is not currently accepting connections"#,
        #"connection to server at "db.example", port 5432 failed: server closed the connection unexpectedly; This probably means the server terminated abnormally"#,
        #"could not translate host name "db.example" to address: Temporary failure in name resolution"#,
        #"connection to server at "10.0.0.1", port 5432 failed: Connection refused; connection to server at "10.0.0.2", port 5432 failed: timeout expired"#,
    ]

    static let refusals = [
        #"connection to server at "db.example", port 5432 failed: FATAL:  password authentication failed for user "writer_hv01""#,
        #"connection to server on socket "/tmp/.s.PGSQL.5432" failed: FATAL:  role "no_such_role" does not exist"#,
        #"connection to server at "db.example", port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.1.1.1", user "w", database "fleet", no encryption"#,
        #"connection to server at "db.example", port 5432 failed: fe_sendauth: no password supplied"#,
        #"connection to server at "db.example", port 5432 failed: SSL error: certificate verify failed"#,
        #"connection to server at "db.example", port 5432 failed: server certificate for "other.example" does not match host name "db.example""#,
        #"connection to server at "db.example", port 5432 failed: could not open certificate file "/root/.postgresql/postgresql.crt": No such file or directory"#,
        #"libpq cannot read the connection string: invalid connection option "…""#,
        // One host down and the other refusing this login: waiting mends only half of it.
        #"connection to server at "10.0.0.1", port 5432 failed: Connection refused; connection to server at "10.0.0.2", port 5432 failed: FATAL:  password authentication failed for user "w""#,
    ]

    @Test(arguments: outages) func theServerAwayForNowIsAnOutage(message: String) {
        #expect(Self.failure(message).isOutage)
    }

    @Test(arguments: refusals) func aLoginThatCannotWorkIsNoOutage(message: String) {
        #expect(!Self.failure(message).isOutage)
    }

    @Test func aServerErrorIsAnOutageOnlyWhenItSaysTheServerIsUnavailable() {
        #expect(PostgresError(sqlState: "57P03", message: "the database system is starting up").isOutage)
        #expect(!PostgresError(sqlState: "42501", message: "permission denied for table guests").isOutage)
    }
}
