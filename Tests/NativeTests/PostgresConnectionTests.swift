import Foundation
import Testing
import Native
import TestSupport

/// The libpq layer against the throwaway server of tools/with-test-postgres.
@Suite struct PostgresConnectionTests {
    static let hostile = [
        "", "plain", "it's \"quoted\"", "'); DROP TABLE t; --", "back\\slash \\N \\x00", "tab\tnew\nline\rcr",
        "<script>alert(1)</script>", "ünï€ode \u{2028} \u{1F600}", String(repeating: "x", count: 100_000),
    ]

    private func withDatabase(_ body: (PostgresConnection, String) throws -> Void) throws {
        let server = try TestPostgresServer()
        let (name, connection) = try server.makeDatabase()
        defer { server.dropDatabase(name) }
        try body(try PostgresConnection(connection: connection), connection)
    }

    @Test func valuesOfEveryKindComeBackAsTheyWentInThroughParametersAndThroughCopy() throws {
        try withDatabase { db, _ in
            try db.execute("CREATE TABLE t (n integer, i bigint, r double precision, s text, b bytea)")
            let bytes = (0...255).map(UInt8.init)
            var rows: [[SQLValue]] = []
            for (n, text) in Self.hostile.enumerated() {
                rows.append([.integer(Int64(n)), .integer(n % 2 == 0 ? Int64.min : Int64.max), .real(Double(n) / 3),
                             .text(text), .blob(n == 0 ? [] : bytes)])
            }
            rows.append([.integer(Int64(rows.count)), .null, .null, .null, .null])
            rows.append([.integer(Int64(rows.count)), .null, .real(.infinity), .null, .null])
            rows.append([.integer(Int64(rows.count)), .null, .real(-.infinity), .null, .null])
            for row in rows { try db.run("INSERT INTO t VALUES ($1, $2, $3, $4, $5)", row) }
            let copied = try db.copy(into: "t", columns: ["n", "i", "r", "s", "b"], rows: rows.map { row in
                [.integer(row[0].int64! + 1000)] + row.dropFirst()
            })
            #expect(copied == rows.count)
            let viaParameters = try db.rows("SELECT n, i, r, s, b FROM t WHERE n < 1000 ORDER BY n")
            let viaCopy = try db.rows("SELECT n - 1000, i, r, s, b FROM t WHERE n >= 1000 ORDER BY n")
            #expect(viaParameters == rows)
            #expect(viaCopy == rows)
        }
    }

    @Test func aPipelineRunsEveryStatementAndAFailureInItUndoesTheTransaction() throws {
        try withDatabase { db, _ in
            try db.execute("CREATE TABLE t (k integer PRIMARY KEY, s text)")
            let statements = (0..<5_000).map { k in
                (sql: "INSERT INTO t VALUES ($1, $2)", values: [SQLValue.integer(Int64(k)), .text(Self.hostile[k % Self.hostile.count])])
            }
            let changed = try db.transaction { try db.pipeline(statements, batch: 700) }
            #expect(changed == Array(repeating: 1, count: 5_000))
            #expect(try db.rows("SELECT count(*), count(DISTINCT s) FROM t") == [[.integer(5_000), .integer(Int64(Self.hostile.count))]])
            #expect(try db.rows("SELECT s FROM t WHERE k = 3") == [[.text(Self.hostile[3])]])

            // Statement 1,500 of 3,000 collides with a stored key: the error names it, and the
            // transaction keeps none of the batch, the statements before the failure included.
            let colliding = (0..<3_000).map { i in
                (sql: "INSERT INTO t VALUES ($1, 'new')", values: [SQLValue.integer(i == 1_500 ? 7 : Int64(10_000 + i))])
            }
            let failure = #expect(throws: PostgresError.self) { try db.transaction { try db.pipeline(colliding, batch: 1_000) } }
            #expect(failure?.isUniqueViolation == true)
            #expect(try db.rows("SELECT count(*) FROM t") == [[.integer(5_000)]])
            // The connection is usable again, in and out of pipeline mode.
            #expect(try db.pipeline([(sql: "UPDATE t SET s = 'x' WHERE k < $1", values: [.integer(10)])]) == [10])
        }
    }

    @Test func aCheckedCopyGoesThroughThePoliciesAndSurvivesAFailedOne() throws {
        try withDatabase { db, connection in
            let role = "copier_\(UUID().uuidString.prefix(8).lowercased())"
            try db.execute("""
                CREATE TABLE t (k integer PRIMARY KEY, owner text NOT NULL);
                ALTER TABLE t ENABLE ROW LEVEL SECURITY;
                CREATE ROLE \(role) LOGIN;
                GRANT SELECT, INSERT ON t TO \(role);
                CREATE POLICY own ON t TO \(role) USING (owner = current_user) WITH CHECK (owner = current_user);
                """)
            defer { try? db.execute("DROP TABLE t; DROP ROLE \(role)") }
            let session = try PostgresConnection(connection: "\(connection) user=\(role)")
            let mine = (0..<100).map { [SQLValue.integer(Int64($0)), .text(role)] }
            // Plain COPY is refused under row-level security; the checked one is not.
            #expect(throws: PostgresError.self) { try session.copy(into: "t", columns: ["k", "owner"], rows: mine) }
            // A forged row fails the whole batch, inside a transaction that is rolled back (and
            // takes the staging table made in it along).
            let forged = mine.prefix(10) + [[.integer(500), .text("somebody-else")]]
            let refused = #expect(throws: PostgresError.self) {
                try session.transaction { try session.copyChecked(into: "t", columns: ["k", "owner"], rows: Array(forged)) }
            }
            #expect(refused?.isPermissionDenied == true)
            // Later calls work, inside a transaction and outside one, and bring nothing of the
            // failed batch along.
            #expect(try session.transaction { try session.copyChecked(into: "t", columns: ["k", "owner"], rows: Array(mine.prefix(50))) } == 50)
            #expect(throws: PostgresError.self) { try session.copyChecked(into: "t", columns: ["k", "owner"], rows: Array(forged)) }
            #expect(try session.copyChecked(into: "t", columns: ["k", "owner"], rows: Array(mine.suffix(50))) == 50)
            #expect(try db.rows("SELECT count(*), min(k), max(k), count(DISTINCT owner) FROM t")
                    == [[.integer(100), .integer(0), .integer(99), .integer(1)]])
        }
    }

    @Test func sumsOfIntegersComeBackAsIntegers() throws {
        try withDatabase { db, _ in
            let row = try db.rows("SELECT sum(x), count(*), true, false FROM (VALUES (9007199254740993::bigint), (1)) v(x)")
            #expect(row == [[.integer(9007199254740994), .integer(2), .integer(1), .integer(0)]])
        }
    }

    @Test func aNulByteInTextIsRefusedAndNothingIsWritten() throws {
        try withDatabase { db, _ in
            try db.execute("CREATE TABLE t (s text)")
            #expect(throws: PostgresError.self) { try db.run("INSERT INTO t VALUES ($1)", [.text("a\u{0}b")]) }
            #expect(throws: PostgresError.self) {
                try db.copy(into: "t", columns: ["s"], rows: [[.text("fine")], [.text("cut\u{0}here")]])
            }
            // The connection is still usable, and the half-sent COPY left no row.
            #expect(try db.rows("SELECT count(*) FROM t") == [[.integer(0)]])
        }
    }

    @Test func serverErrorsCarryTheirSQLState() throws {
        try withDatabase { db, _ in
            try db.execute("CREATE TABLE t (k integer PRIMARY KEY)")
            try db.run("INSERT INTO t VALUES (1)")
            let duplicate = #expect(throws: PostgresError.self) { try db.run("INSERT INTO t VALUES ($1)", [.integer(1)]) }
            #expect(duplicate?.isUniqueViolation == true)
            #expect(duplicate?.connectionLost == false)
            let missing = #expect(throws: PostgresError.self) { try db.rows("SELECT * FROM no_such_table") }
            #expect(missing?.sqlState == "42P01")
            // A failed statement inside a transaction rolls the whole transaction back.
            #expect(throws: PostgresError.self) {
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (2)")
                    try db.run("INSERT INTO t VALUES (1)")
                }
            }
            #expect(try db.rows("SELECT k FROM t ORDER BY k") == [[.integer(1)]])
        }
    }

    @Test func aTerminatedSessionIsReportedAsUnavailable() throws {
        try withDatabase { db, connection in
            let pid = try db.rows("SELECT pg_backend_pid()")[0][0]
            try PostgresConnection(connection: connection).run("SELECT pg_terminate_backend($1)", [pid])
            let lost = #expect(throws: PostgresError.self) { try db.rows("SELECT 1") }
            #expect(lost?.isUnavailable == true)
        }
    }

    /// A server that stops reading in the middle of a COPY (frozen, or a network gone silent
    /// once the socket's buffer is full) held libpq's blocking write for good: a watch's
    /// shipping thread, an ingest's end. With an answer timeout, the copy gives up after that
    /// long without progress and says why; the connection is not used again, and the server
    /// keeps nothing of the copy.
    @Test func aCopyTheServerStopsReadingGivesUpAfterTheAnswerTimeout() throws {
        try withDatabase { db, connection in
            try db.execute("CREATE TABLE t (n bigint, s text)")
            let socket = try #require(UnixSocketProxy.postgresSocket(of: connection))
            let folder = try Fixtures.temporaryFolder("pg-frozen")
            let proxy = try UnixSocketProxy(target: socket, listeningIn: folder.path, port: 5999)
            defer { proxy.cut() }
            let client = try PostgresConnection(connection: proxy.connection(from: connection))
            client.answerTimeoutSeconds = 1
            let small = (0..<10).map { [SQLValue.integer(Int64($0)), .text("before")] }
            #expect(try client.copy(into: "t", columns: ["n", "s"], rows: small) == 10)

            // About 8 MB; the proxy stops reading after its first megabyte.
            let filler = String(repeating: "x", count: 70)
            let rows = (0..<100_000).map { [SQLValue.integer(Int64($0)), .text(filler)] }
            proxy.freeze(afterClientBytes: 1 << 20)
            let copied = Locked<Int?>(nil), failure = Locked<PostgresError?>(nil)
            let done = DispatchSemaphore(value: 0)
            let box = Locked(client)
            let started = ContinuousClock.now
            Thread.detachNewThread {
                do {
                    let count = try box.value.copy(into: "t", columns: ["n", "s"], rows: rows)
                    copied.mutate { $0 = count }
                } catch {
                    failure.mutate { $0 = error as? PostgresError ?? PostgresError(sqlState: nil, message: "\(error)") }
                }
                done.signal()
            }
            let returned = done.wait(timeout: .now() + 30) == .success
            let waited = ContinuousClock.now - started
            if !returned {
                proxy.cut()
                _ = done.wait(timeout: .now() + 10)
            }
            #expect(returned, "the copy still waited on the server after 30 s")
            #expect(copied.value == nil, "a copy the server never read succeeded")
            let error = try #require(failure.value)
            #expect(error.message.contains("no answer from the server for 1 s (it took none of what was sent to it"), "\(error)")
            #expect(error.isUnavailable, "given up like an outage: \(error)")
            #expect(waited < .seconds(15), "\(waited)")
            let reused = #expect(throws: PostgresError.self) { try client.rows("SELECT 1") }
            #expect(reused?.message.contains("given up") == true, "\(String(describing: reused))")
            proxy.cut()
            #expect(try db.rows("SELECT count(*) FROM t") == [[.integer(10)]])
        }
    }

    /// A COPY the server refuses at its start, or one the client cannot finish (a NUL in a text,
    /// after thousands of rows went), left the connection waiting for a result nobody read, or in
    /// COPY mode: with an answer timeout, the next statement failed with "another command is
    /// already in progress". The answer is now read to its end either way.
    @Test(arguments: [nil, 5.0] as [Double?]) func aCopyThatFailsLeavesTheConnectionUsable(timeout: Double?) throws {
        try withDatabase { db, _ in
            db.answerTimeoutSeconds = timeout
            try db.execute("CREATE TABLE t (n bigint, s text)")
            let refused = #expect(throws: PostgresError.self) {
                try db.copy(into: "missing", columns: ["n"], rows: [[.integer(1)]])
            }
            #expect(refused?.sqlState == "42P01", "\(String(describing: refused))")
            #expect(try db.rows("SELECT 1") == [[.integer(1)]])

            var rows = (0..<50_000).map { [SQLValue.integer(Int64($0)), .text("row \($0)")] }
            rows.append([.integer(-1), .text("a\u{0}b")])
            let unsent = #expect(throws: PostgresError.self) { try db.copy(into: "t", columns: ["n", "s"], rows: rows) }
            #expect(unsent?.sqlState == PostgresError.nulInText.sqlState, "\(String(describing: unsent))")
            #expect(try db.rows("SELECT count(*) FROM t") == [[.integer(0)]])
            #expect(try db.copy(into: "t", columns: ["n", "s"], rows: Array(rows.prefix(3))) == 3)
        }
    }

    /// A session is ended only when both its process id and its start match: a process id
    /// alone may be another session's by then. Ending it releases what it held.
    @Test func aSessionIsEndedOnlyWhenItsProcessIDAndStartMatch() throws {
        try withDatabase { db, connection in
            try db.execute("CREATE TABLE t (n bigint)")
            let held = try PostgresConnection(connection: connection)
            held.answerTimeoutSeconds = 5
            #expect(held.identifySession())
            let session = try #require(held.session)
            #expect(session.pid > 0 && session.start > 0)
            try held.execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE")
            #expect(try !db.terminate(.init(pid: session.pid, start: session.start + 1)))
            #expect(try !db.terminate(.init(pid: session.pid + 1, start: session.start)))
            #expect(try db.terminate(session))
            // The lock went with it, and once the session's process has exited (which takes a
            // moment after the signal) no session of that id and start is left to end.
            db.answerTimeoutSeconds = 5
            try db.execute("BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE; COMMIT")
            let deadline = Date().addingTimeInterval(10)
            var left = try db.terminate(session)
            while left, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
                left = try db.terminate(session)
            }
            #expect(!left, "the ended session was still there after 10 s")
            // The session is gone for its client.
            #expect(throws: PostgresError.self) { try held.rows("SELECT 1") }
            #expect(held.abandonedSession == session, "a connection found lost counts as given up")
        }
    }

    @Test func aServerThatIsNotThereIsAClearErrorWithoutThePassword() throws {
        let folder = try Fixtures.temporaryFolder("nopg")
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection(connection: "host=\(folder.path) port=5 user=x password=sekrit-7 connect_timeout=2")
        }
        #expect(error?.connectionLost == true)
        #expect(error?.description.contains(folder.path) == true)
        #expect(error?.description.contains("sekrit-7") == false)
    }

    @Test func connectionStringsAreToldFromFilePathsAndPasswordsAreHidden() {
        #expect(PostgresConnectionString.names("postgresql://fleet.example/svirt"))
        #expect(PostgresConnectionString.names("postgres://u@h/d"))
        #expect(PostgresConnectionString.names("host=/run/postgresql dbname=svirt"))
        #expect(PostgresConnectionString.names("  service = fleet"))
        #expect(!PostgresConnectionString.names("/var/lib/svirt-trace/svirt-trace.db"))
        #expect(!PostgresConnectionString.names("store=old.db"[...].uppercased()))
        #expect(!PostgresConnectionString.names("./a=b.db"))
        #expect(!PostgresConnectionString.names("svirt-trace.db"))

        #expect(!PostgresConnectionString.names("run=2024.db"))
        #expect(PostgresConnectionString.names("\thost=/run/postgresql"))

        let secret = "pa?ss@50%25off"
        for (given, shown) in [
            ("postgresql://ops:pa%3Fss%4050%2525off@db.example:5432/svirt?sslmode=verify-full", "user=ops password=*** dbname=svirt host=db.example port=5432 sslmode=verify-full"),
            ("postgresql://ops@db.example/svirt?password=pa%3Fss%4050%2525off&sslpassword=pa%3Fss%4050%2525off", "user=ops password=*** dbname=svirt host=db.example sslpassword=***"),
            ("host=db password='pa?ss@50%25off' dbname=svirt user=ops", "user=ops password=*** dbname=svirt host=db"),
            ("host=db password=pa?ss@50%25off sslpassword=pa?ss@50%25off", "password=*** host=db sslpassword=***"),
            ("postgresql://ops@db/svirt", "user=ops dbname=svirt host=db"),
        ] {
            let redacted = PostgresConnectionString.redacted(given)
            #expect(Set(redacted.split(separator: " ")) == Set(shown.split(separator: " ")), "\(given) -> \(redacted)")
            #expect(!redacted.contains(secret) && !redacted.contains("pa%3F"))
            // For a command to be run again: the secret words left out, not masked.
            let runnable = PostgresConnectionString.withoutSecrets(given) ?? ""
            #expect(Set(runnable.split(separator: " ")) == Set(shown.split(separator: " ").filter { !$0.hasSuffix("=***") }),
                    "\(given) -> \(runnable)")
        }
        #expect(PostgresConnectionString.withoutSecrets("postgresql://ops:50%off!@db.example/svirt") == nil)
        // What libpq cannot read is not shown, and its complaint does not quote the string.
        for unreadable in ["postgresql://ops:50%off!@db.example/svirt", "postgresql://u:hunter2@[::1/db", "host=db password='unterminated hunter2"] {
            #expect(PostgresConnectionString.redacted(unreadable).contains("not shown"))
            let problem = PostgresConnectionString.problem(unreadable) ?? ""
            #expect(!problem.isEmpty && !problem.contains("50%off") && !problem.contains("hunter2"), "\(problem)")
            let error = #expect(throws: PostgresError.self) { try PostgresConnection(connection: unreadable) }
            #expect(error.map { "\($0)" }?.contains("hunter2") == false)
            #expect(error.map { "\($0)" }?.contains("50%off") == false)
        }
    }
}
