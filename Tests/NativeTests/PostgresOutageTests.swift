import Foundation
import Testing
import Native
import TestSupport

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

    /// A server whose lc_messages is German answers a connection in German: its words match
    /// neither list, and libpq reports no SQLSTATE for a failed connection. The ping reads it.
    /// Words known in English decide alone: the server is asked once (a refused password is
    /// not sent again); other words are asked twice, the second time by libpq's ping.
    @Test(arguments: [("57P03", "das Datenbanksystem startet", true, 2),
                      ("57P03", "das Datenbanksystem fährt herunter", true, 2),
                      ("28P01", "Passwort-Authentifizierung für Benutzer »w« fehlgeschlagen", false, 2),
                      ("57P03", "the database system is starting up", true, 1),
                      ("28P01", "password authentication failed for user \"w\"", false, 1)])
    func aServerAnsweringInAnotherLanguageIsJudgedByItsSQLState(sqlState: String, words: String, away: Bool, connections: Int) throws {
        let folder = try Fixtures.temporaryFolder("pg-de")
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try Self.serverAnsweringEveryConnection(sqlState: sqlState, message: words, in: folder.path)
        // SIGKILL: the test process may hand its children SIGTERM ignored.
        defer { kill(server.processIdentifier, SIGKILL); server.waitUntilExit() }
        var failure: PostgresError?
        do {
            _ = try PostgresConnection(connection: "host=\(folder.path) port=5432 user=w dbname=fleet connect_timeout=5")
        } catch let error as PostgresError {
            failure = error
        }
        let error = try #require(failure)
        #expect(error.message.contains(words), "\(error.message)")
        #expect(error.isOutage == away, "\(error)")
        let answered = (try? String(contentsOfFile: folder.path + "/.s.PGSQL.5432.answered", encoding: .utf8)) ?? ""
        #expect(answered.count == connections, "connections answered: \(answered.count)")
    }

    /// A stand-in for a server: on a unix socket in `folder`, it answers every startup message
    /// with one FATAL ErrorResponse and closes the connection.
    static func serverAnsweringEveryConnection(sqlState: String, message: String, in folder: String) throws -> Process {
        let script = """
            import socket, struct, sys, os
            path, code, msg = sys.argv[1], sys.argv[2], sys.argv[3]
            s = socket.socket(socket.AF_UNIX)
            s.bind(path)
            s.listen(8)
            s.settimeout(60)
            open(path + '.ready', 'w').close()
            while True:
                c, _ = s.accept()
                try:
                    head = b''
                    while len(head) < 4:
                        head += c.recv(4 - len(head))
                    n = struct.unpack('!I', head)[0] - 4
                    while n > 0:
                        n -= len(c.recv(n))
                    fields = b'SFATAL\\0VFATAL\\0C' + code.encode() + b'\\0M' + msg.encode() + b'\\0\\0'
                    with open(path + '.answered', 'a') as f:
                        f.write('x')
                    c.sendall(b'E' + struct.pack('!I', len(fields) + 4) + fields)
                except Exception:
                    pass
                c.close()
            """
        let socket = folder + "/.s.PGSQL.5432"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, socket, sqlState, message]
        try process.run()
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: socket + ".ready") { usleep(10_000) }
        return process
    }

    /// A refusal known by its words is not asked again; a host or socket path holding such a
    /// word is not a refusal's words (the server behind it may answer in another language).
    @Test func aRefusalIsKnownByWhatTheServerAnsweredNotByItsName() {
        #expect(Self.failure(#"connection to server at "db.example" (10.0.0.1), port 5432 failed: session is read-only"#).isKnownRefusal)
        #expect(Self.failure(#"connection to server at "db.example" (10.0.0.1), port 5432 failed: server is not in hot standby mode"#).isKnownRefusal)
        #expect(Self.failure(#"connection to server at "db.example" (10.0.0.1), port 5432 failed: FATAL:  pg_hba.conf rejects connection for host "10.0.0.9""#).isKnownRefusal)
        #expect(!Self.failure(#"connection to server on socket "/run/certificate-does not exist/.s.PGSQL.5432" failed: FATAL:  das Datenbanksystem startet"#).isKnownRefusal)
        #expect(!Self.failure(#"connection to server at "gssapi-permission denied.example" (10.0.0.1), port 5432 failed: FATAL:  das Datenbanksystem startet"#).isKnownRefusal)
    }

    @Test func aServerErrorIsAnOutageOnlyWhenItSaysTheServerIsUnavailable() {
        #expect(PostgresError(sqlState: "57P03", message: "the database system is starting up").isOutage)
        #expect(!PostgresError(sqlState: "42501", message: "permission denied for table guests").isOutage)
    }
}
