private import CPostgres
import Foundation

/// One libpq connection, synchronous, as the SQLite one: the reader and writer threads already
/// give the pipeline its concurrency. Not thread-safe: one owner at a time.
///
/// libpq itself reads the connection string (a `postgresql://` URI or `key=value` words), the
/// PG* environment variables, ~/.pgpass and pg_service.conf, and does every authentication
/// method and TLS mode it was built with (GSSAPI, client certificates, `sslmode=verify-full`).
public final class PostgresConnection {
    private let handle: OpaquePointer
    /// The passwords the connection string holds: no message of this connection repeats them.
    private let secrets: [String]
    /// Staging tables of `copyInTransaction` made in this session.
    private var transactionStaging: Set<String> = []
    /// How long a statement, COPY or pipeline waits with no byte from the server before it gives
    /// up on the connection; nil: without end, as libpq. libpq's own calls wait for good on a
    /// server that froze (SIGSTOP, a hung disk) or a network that went silent after the
    /// connection was made, and so would a report run from cron, unseen.
    ///
    /// Setting it also asks the server to check every 10 s, while it runs a statement, that the
    /// client is still there (client_connection_check_interval, PostgreSQL 14 and later): a
    /// statement given up while it waits on a lock would otherwise keep its backend, and its
    /// connection slot, until the lock goes, one more at each retry.
    public var answerTimeoutSeconds: Double? {
        didSet {
            // libpq's blocking writes wait without end on a server that stops reading (frozen in
            // the middle of a COPY, or a network gone silent once the socket's buffer is full).
            // Nonblocking, every write is flushed by polling, under the same timeout.
            PQsetnonblocking(handle, answerTimeoutSeconds == nil ? 0 : 1)
            if answerTimeoutSeconds != nil, !checksClient {
                checksClient = true
                // A statement given up leaves its backend behind, maybe holding locks. The server
                // probes a TCP client that went silent (after 60 s idle, 6 probes 10 s apart;
                // data left unacknowledged for 2 minutes, PostgreSQL 12 on) instead of after the
                // system's two hours, and checks every 10 s that a client that went away is gone
                // (PostgreSQL 14 on, where the platform can tell). One round trip, as a report may
                // run far from its server; what a server refuses is asked again without the
                // client check, the only setting a platform may refuse.
                let version = PQserverVersion(handle)
                var settings = [("tcp_keepalives_idle", "60"), ("tcp_keepalives_interval", "10"), ("tcp_keepalives_count", "6")]
                if version >= 120_000 { settings.append(("tcp_user_timeout", "120000")) }
                func apply(_ settings: [(String, String)]) -> Bool {
                    (try? rows("SELECT " + settings.map { "set_config('\($0.0)', '\($0.1)', false)" }.joined(separator: ", "))) != nil
                }
                if version < 140_000 || !apply(settings + [("client_connection_check_interval", "10s")]) { _ = apply(settings) }
            }
        }
    }

    private var checksClient = false
    /// This session at the server, once `identifySession` found it.
    public private(set) var session: ServerSession?

    /// A session at the server, as a later connection of the same role finds it in
    /// pg_stat_activity (to end it once this client gave up on it).
    public struct ServerSession: Sendable, Equatable {
        public var pid: Int32
        /// backend_start in microseconds since 1970: the same whatever a session's TimeZone.
        public var start: Int64

        public init(pid: Int32, start: Int64) {
            self.pid = pid
            self.start = start
        }
    }

    private static let startMicroseconds = "(extract(epoch FROM backend_start) * 1000000)::bigint"

    /// Finds who this session is at the server (process id and start), so that a later connection
    /// can end it if it is given up (`abandonedSession`): a writer's, whose transaction holds its
    /// spool's row. False when the server does not show it: pg_stat_activity hidden, a login
    /// role whose default is another role (its own start then reads as NULL), or a pooler between
    /// (its process id is not the server's: a pooled server process may serve others by then).
    @discardableResult
    public func identifySession() -> Bool {
        let found = try? rows("SELECT pg_backend_pid(), (SELECT \(Self.startMicroseconds) FROM pg_stat_activity WHERE pid = pg_backend_pid())")
        guard let row = found?.first, row.count == 2, row[0].int64 == Int64(PQbackendPID(handle)), let start = row[1].int64 else {
            return false
        }
        session = ServerSession(pid: PQbackendPID(handle), start: start)
        return true
    }

    /// This connection's server session once a statement went unanswered: over a network that
    /// went silent it may live on (for hours, until the server's TCP keepalive gives up), in its
    /// transaction, with its locks (a writer's lock on its spool's row holds every later batch
    /// back). A later connection ends it with `terminate`.
    /// A connection found lost counts too: a reset that reached only this end leaves the server's.
    public var abandonedSession: ServerSession? { abandoned || PQstatus(handle) != CONNECTION_OK ? session : nil }

    /// Ends a session given up earlier, if it is still the same one (same process id and start);
    /// true when one was ended. A role may end its own sessions.
    @discardableResult
    public func terminate(_ session: ServerSession) throws -> Bool {
        try rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND \(Self.startMicroseconds) = $2",
                 [.integer(Int64(session.pid)), .integer(session.start)]).first?.first == .integer(1)
    }

    /// Set once an answer timed out: what the server sends next would be taken for the answer to
    /// the next statement.
    private var abandoned = false

    /// - Parameter connection: a libpq connection string or URI, handed to libpq unchanged.
    ///   Client encoding is always UTF8: every text this program stores is.
    public init(connection: String, applicationName: String = "svirt-trace") throws {
        // A string libpq cannot read is refused before any connection, and its pieces are not
        // echoed: libpq quotes the token it stumbled on, which can be part of a password.
        if let problem = PostgresConnectionString.problem(connection) {
            throw PostgresError(sqlState: nil, message: "libpq cannot read the connection string: \(problem)", connectionLost: true)
        }
        secrets = PostgresConnectionString.secrets(connection)
        // expand_dbname: the first "dbname" is read as a whole connection string or URI; the
        // words after it override what it says.
        let keywords = ["dbname", "client_encoding", "fallback_application_name"]
        let values = [connection, "UTF8", applicationName]
        let conn = CStrings.with(keywords) { keys in
            CStrings.with(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let conn else {
            throw PostgresError(sqlState: nil, message: "libpq could not allocate a connection", connectionLost: true)
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = Self.scrub(Self.trimmed(String(cString: PQerrorMessage(conn))), secrets)
            PQfinish(conn)
            var error = PostgresError(sqlState: nil, message: message.isEmpty ? "cannot connect" : message, connectionLost: true)
            // libpq gives no SQLSTATE for a failed connection, and a server speaks its own
            // language: its ping reads the SQLSTATE of the server's answer. Asked only when the
            // words say neither way: the ping logs in as the connection did, and a password
            // refused in English words is not sent a second time.
            if !error.isOutage, !error.isKnownRefusal {
                let ping = CStrings.with(keywords) { keys in
                    CStrings.with(values) { vals in PQpingParams(keys, vals, 1) }
                }
                error.serverCannotConnectNow = ping == PQPING_REJECT
            }
            throw error
        }
        handle = conn
        // The server's NOTICEs (a table that already exists, ...) would go to stderr unasked.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { PQfinish(handle) }

    public static let defaultConnectTimeoutSeconds = 10

    /// libpq waits for a connection without end by default: a server frozen or a network that
    /// drops packets would hang a scheduled ingest before it reads a line, and every report. The
    /// default becomes 10 s through PGCONNECT_TIMEOUT, the lowest of libpq's sources, so that a
    /// connection string's or a service file's connect_timeout still say otherwise (0: without
    /// end). Call it at start, before any thread: setenv is not safe beside a getenv.
    public static func defaultConnectTimeout() {
        setenv("PGCONNECT_TIMEOUT", String(defaultConnectTimeoutSeconds), 0)
    }

    /// The role the session runs as.
    public var user: String { PQuser(handle).map { String(cString: $0) } ?? "" }

    /// Runs statements that take no parameters, several at once separated by semicolons (a
    /// migration file). Throws the first failure; the server stops at it.
    public func execute(_ sql: String) throws {
        let result = try answer(sql: sql) { PQsendQuery(handle, sql) } ?? PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    /// One statement with `$1`, `$2` ... parameters; returns its rows.
    public func rows(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
        let result = try execute(sql, values)
        defer { PQclear(result) }
        return Self.decode(result)
    }

    /// One statement with `$1`, `$2` ... parameters; returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        let result = try execute(sql, values)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// `COPY table (columns) FROM STDIN` with every row in one stream: one round trip for any
    /// number of rows. Returns the number of rows the server took.
    @discardableResult
    public func copy(into table: String, columns: [String], rows: [[SQLValue]]) throws -> Int {
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
        let start: OpaquePointer?
        if answerTimeoutSeconds != nil {
            // Not through `answer`: in COPY IN state, libpq hands out the same result again and again.
            try checkUsable(sql: sql)
            guard PQsendQuery(handle, sql) == 1 else { throw connectionError(sql: sql) }
            start = try nextResult(sql: sql)
        } else {
            start = PQexec(handle, sql)
        }
        let status = PQresultStatus(start)
        guard status == PGRES_COPY_IN else {
            defer { PQclear(start) }
            // The statement's answer is read to its end (PQexec does so itself), or the next
            // statement would find "another command is already in progress".
            if answerTimeoutSeconds != nil, start != nil {
                while let rest = try nextResult(sql: sql) { PQclear(rest) }
            }
            try check(start, sql: sql)
            throw PostgresError(sqlState: nil, message: "the server did not start COPY", sql: sql)
        }
        PQclear(start)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        do {
            for row in rows {
                try PostgresCopyText.append(row, to: &buffer)
                if buffer.count >= 1 << 16 {
                    try send(buffer, sql: sql)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if !buffer.isEmpty { try send(buffer, sql: sql) }
        } catch {
            // A row that cannot be sent (a NUL in a text): the COPY is ended as failed, and its
            // answer read, so that the connection goes on out of COPY mode.
            if !abandoned, PQputCopyEnd(handle, "a row could not be sent") == 1 {
                while let result = try? nextResult(sql: sql) { PQclear(result) }
            }
            throw error
        }
        try whileBuffersAreFull(sql: sql) { PQputCopyEnd(handle, nil) }
        var copied = 0
        var failure: Error?
        while let result = try nextResult(sql: sql) {
            if failure == nil {
                do {
                    try check(result, sql: sql)
                    copied += Int(String(cString: PQcmdTuples(result))) ?? 0
                } catch { failure = error }
            }
            PQclear(result)
        }
        if let failure { throw failure }
        return copied
    }

    /// COPY for a table under row-level security, which PostgreSQL refuses to COPY into: the
    /// rows go by COPY into a temporary table of the same shape (this session's own), then by
    /// one INSERT ... SELECT into the table, where every policy checks every row. Returns the
    /// number of rows inserted. The staging table is made when missing (a rolled-back
    /// transaction takes a new one with it) and emptied before and after, so that rows of a
    /// failed call never reach a later one, in a transaction or out of one.
    @discardableResult
    public func copyChecked(into table: String, columns: [String], rows: [[SQLValue]]) throws -> Int {
        let staging = "copy_staging_" + table.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        try execute("CREATE TEMPORARY TABLE IF NOT EXISTS \(staging) (LIKE \(table)); TRUNCATE \(staging)")
        try copy(into: staging, columns: columns, rows: rows)
        let list = columns.joined(separator: ", ")
        let inserted = try run("INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(staging)")
        try execute("TRUNCATE \(staging)")
        return inserted
    }

    /// `copyChecked` for a caller inside a transaction, for many small batches: the staging
    /// table is made once per session with ON COMMIT DELETE ROWS, so it is emptied by the
    /// commit (or the rollback) in place, without two TRUNCATEs per call, each of which gives
    /// the table a new file. One call per table and transaction.
    /// - Parameter beforeMove: SQL run between the COPY and the move, given the staging table's
    ///   name (to clear rows the move would otherwise leave behind).
    @discardableResult
    public func copyInTransaction(into table: String, columns: [String], rows: [[SQLValue]], conflict: String? = nil,
                                  beforeMove: ((String) -> String)? = nil) throws -> Int {
        let staging = try stageInTransaction(for: table, columns: columns, rows: rows)
        if let beforeMove { try execute(beforeMove(staging)) }
        let list = columns.joined(separator: ", ")
        return try run("INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(staging)" + (conflict.map { " " + $0 } ?? ""))
    }

    /// The first half of `copyInTransaction`: the rows go by COPY into this session's staging
    /// table for `table` (made once, emptied by the commit or rollback), whose name is returned
    /// for the caller's own statements that move them.
    public func stageInTransaction(for table: String, columns: [String], rows: [[SQLValue]]) throws -> String {
        let staging = "txn_staging_" + table.map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        if !transactionStaging.contains(staging) {
            try execute("CREATE TEMPORARY TABLE IF NOT EXISTS \(staging) (LIKE \(table)) ON COMMIT DELETE ROWS")
            transactionStaging.insert(staging)
        }
        try copy(into: staging, columns: columns, rows: rows)
        return staging
    }

    private func send(_ bytes: [UInt8], sql: String) throws {
        try whileBuffersAreFull(sql: sql) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    PQputCopyData(handle, $0, Int32(buffer.count))
                }
            }
        }
        // Sent before the next piece is made: what waits to go stays one piece, not the batch.
        if let timeout = answerTimeoutSeconds { try awaitAnswer(sql: sql, timeout: timeout, sentOnly: true) }
    }

    /// Calls a libpq COPY function (1: queued; 0: full buffers, nonblocking only; -1: failed)
    /// until it has queued what it was given.
    private func whileBuffersAreFull(sql: String, _ queue: () -> Int32) throws {
        while true {
            switch queue() {
            case 1: return
            // Full with nothing waiting to be sent: libpq could not enlarge its buffer.
            case 0:
                guard let timeout = answerTimeoutSeconds, PQflush(handle) == 1 else { throw connectionError(sql: sql) }
                try awaitAnswer(sql: sql, timeout: timeout, sentOnly: true)
            default: throw connectionError(sql: sql)
            }
        }
    }

    /// Sends statements without waiting for each answer (libpq's pipeline mode): a round trip per
    /// `batch` statements instead of one per statement. Call it inside a transaction for all or
    /// nothing: after a failure the statements behind it in its batch are not run, and the error
    /// is thrown. Returns the number of rows each statement changed.
    /// Batches stay small enough that the server's answers fit its socket buffer: libpq's
    /// blocking writes (without an answer timeout) would otherwise wait on a server that waits on
    /// this client to read; with one, a batch is buffered whole and sent while answers are read.
    @discardableResult
    public func pipeline(_ statements: [(sql: String, values: [SQLValue])], batch: Int = 1_000) throws -> [Int] {
        var changed: [Int] = []
        changed.reserveCapacity(statements.count)
        var start = 0
        while start < statements.count {
            let end = min(statements.count, start + max(1, batch))
            changed += try pipelineBatch(statements[start..<end])
            start = end
        }
        return changed
    }

    private func pipelineBatch(_ statements: ArraySlice<(sql: String, values: [SQLValue])>) throws -> [Int] {
        let encoded = try statements.map { try $0.values.map(PostgresParameter.init) }
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError(sql: statements.first?.sql ?? "") }
        defer { PQexitPipelineMode(handle) }
        var sent = 0
        for (statement, parameters) in zip(statements, encoded) {
            let ok = CStrings.withOptionalBytes(parameters.map(\.bytes)) { pointers in
                PQsendQueryParams(handle, statement.sql, Int32(parameters.count), parameters.map(\.type), pointers,
                                  parameters.map(\.length), parameters.map(\.format), 0)
            }
            guard ok == 1 else { break }
            sent += 1
        }
        let synced = PQpipelineSync(handle) == 1
        var changed: [Int] = []
        var failure: Error?
        for statement in statements.prefix(sent) {
            // Each statement's answer is its results, then a NULL.
            while let result = try nextResult(sql: statement.sql) {
                switch PQresultStatus(result) {
                case PGRES_PIPELINE_ABORTED:
                    break
                case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
                    changed.append(Int(String(cString: PQcmdTuples(result))) ?? 0)
                default:
                    if failure == nil {
                        do { try check(result, sql: statement.sql) } catch { failure = error }
                    }
                }
                PQclear(result)
            }
        }
        // The sync point's own answer ends the batch.
        if synced {
            while let result = try nextResult(sql: statements.last?.sql ?? "") {
                let status = PQresultStatus(result)
                PQclear(result)
                if status == PGRES_PIPELINE_SYNC { break }
            }
        }
        if let failure { throw failure }
        guard sent == statements.count, synced else {
            throw connectionError(sql: statements[statements.startIndex + min(sent, statements.count - 1)].sql)
        }
        return changed
    }

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        // Staging tables made in a transaction that rolls back are gone with it.
        let staged = transactionStaging
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            transactionStaging = staged
            throw error
        }
    }

    // MARK: - libpq calls

    private func execute(_ sql: String, _ values: [SQLValue]) throws -> OpaquePointer {
        let encoded = try values.map(PostgresParameter.init)
        let sent: Result<OpaquePointer?, Error> = CStrings.withOptionalBytes(encoded.map(\.bytes)) { pointers in
            let types = encoded.map(\.type)
            let lengths = encoded.map(\.length)
            let formats = encoded.map(\.format)
            return Result {
                try answer(sql: sql) {
                    PQsendQueryParams(handle, sql, Int32(values.count), types, pointers, lengths, formats, 0)
                } ?? PQexecParams(handle, sql, Int32(values.count), types, pointers, lengths, formats, 0)
            }
        }
        let result = try sent.get()
        do {
            try check(result, sql: sql)
        } catch {
            PQclear(result)
            throw error
        }
        guard let result else { throw connectionError(sql: sql) }
        return result
    }

    /// With an answer timeout: sends the statement and waits for its results, never longer than
    /// the timeout without a byte from the server. Returns what PQexec would (the last result,
    /// or the first that failed); nil without a timeout, for the caller's PQexec.
    private func answer(sql: String, send: () -> Int32) throws -> OpaquePointer?? {
        guard let timeout = answerTimeoutSeconds else { return nil }
        try checkUsable(sql: sql)
        guard send() == 1 else { throw connectionError(sql: sql) }
        var kept: OpaquePointer?
        while true {
            try awaitAnswer(sql: sql, timeout: timeout)
            guard let result = PQgetResult(handle) else { break }
            if let earlier = kept, !Self.succeeded(earlier) {
                PQclear(result)
            } else {
                PQclear(kept)
                kept = result
            }
        }
        return .some(kept)
    }

    private func checkUsable(sql: String) throws {
        guard !abandoned else {
            throw PostgresError(sqlState: nil, message: "the connection was given up after a statement went unanswered",
                                sql: sql, connectionLost: true)
        }
    }

    /// PQgetResult, waiting for it no longer than the answer timeout, when there is one.
    private func nextResult(sql: String) throws -> OpaquePointer? {
        if let timeout = answerTimeoutSeconds { try awaitAnswer(sql: sql, timeout: timeout) }
        return PQgetResult(handle)
    }

    private static func succeeded(_ result: OpaquePointer) -> Bool {
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return true
        default: return false
        }
    }

    /// Until everything queued is sent and, unless `sentOnly`, libpq holds a whole result: polls
    /// the socket, at most `timeout` seconds at a time. The server's answers are read while
    /// sending, so that neither side waits on the other's full buffer.
    private func awaitAnswer(sql: String, timeout: Double, sentOnly: Bool = false) throws {
        let socket = PQsocket(handle)
        guard socket >= 0 else { throw connectionError(sql: sql) }
        var deadline = Self.monotonicSeconds() + timeout
        while true {
            // 0: all sent; 1: some waits for the socket; -1: failed.
            let unsent = PQflush(handle)
            guard unsent >= 0 else { throw connectionError(sql: sql) }
            if unsent == 0, sentOnly || PQisBusy(handle) == 0 { return }
            var wanted = pollfd(fd: socket, events: Int16(POLLIN) | (unsent == 1 ? Int16(POLLOUT) : 0), revents: 0)
            let left = max(0, deadline - Self.monotonicSeconds())
            let ready = poll(&wanted, 1, Int32(clamping: Int64((left * 1000).rounded(.up))))
            if ready < 0 {
                // A signal does not start the wait again.
                if errno == EINTR { continue }
                throw PostgresError(sqlState: nil, message: "poll: \(String(cString: strerror(errno)))", sql: sql, connectionLost: true)
            }
            if ready == 0 {
                abandoned = true
                throw PostgresError(sqlState: nil, message: Self.unanswered(seconds: timeout, sending: unsent == 1),
                                    sql: sql, connectionLost: true)
            }
            // Not a socket any more (closed under libpq): nothing will ever come.
            if wanted.revents & Int16(POLLNVAL) != 0 {
                throw PostgresError(sqlState: nil, message: "the connection's socket was closed", sql: sql, connectionLost: true)
            }
            if wanted.revents & Int16(POLLIN | POLLERR | POLLHUP) != 0 {
                guard PQconsumeInput(handle) == 1 else { throw connectionError(sql: sql) }
            }
            // Bytes came or can go: the silence counts again from here.
            deadline = Self.monotonicSeconds() + timeout
        }
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The words of an answer that did not come.
    private static func unanswered(seconds: Double, sending: Bool) -> String {
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        let causes = sending
            ? "it took none of what was sent to it meanwhile: a server frozen or overloaded, or a network gone silent"
            : "a server frozen or overloaded, a lock held for that long, or a network gone silent"
        return "no answer from the server for \(shown) s (\(causes)); the connection was given up"
    }

    private func check(_ result: OpaquePointer?, sql: String) throws {
        guard let result else { throw connectionError(sql: sql) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN:
            return
        default:
            func field(_ code: Int32) -> String? {
                PQresultErrorField(result, code).map { String(cString: $0) }
            }
            let message = field(Int32(UInt8(ascii: "M"))) ?? Self.trimmed(String(cString: PQresultErrorMessage(result)))
            throw PostgresError(sqlState: field(Int32(UInt8(ascii: "C"))), message: Self.scrub(message, secrets),
                                detail: field(Int32(UInt8(ascii: "D"))).map { Self.scrub($0, secrets) },
                                hint: field(Int32(UInt8(ascii: "H"))).map { Self.scrub($0, secrets) },
                                sql: sql, connectionLost: PQstatus(handle) != CONNECTION_OK)
        }
    }

    private func connectionError(sql: String) -> PostgresError {
        let message = Self.scrub(Self.trimmed(String(cString: PQerrorMessage(handle))), secrets)
        return PostgresError(sqlState: nil, message: message.isEmpty ? "connection lost" : message, sql: sql,
                             connectionLost: PQstatus(handle) != CONNECTION_OK)
    }

    private static func scrub(_ text: String, _ secrets: [String]) -> String {
        secrets.filter { $0.count >= 3 }.reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    /// libpq's messages end in a newline and put hints on lines of their own, indented: one line.
    private static func trimmed(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// Text-format results read by the column's type: integers, floats, numeric (an integer
    /// when it is one: `sum(bigint)` is numeric), bytea (hex) and bool; anything else is text.
    private static func decode(_ result: OpaquePointer) -> [[SQLValue]] {
        let rowCount = PQntuples(result), columnCount = PQnfields(result)
        let types = (0..<columnCount).map { PQftype(result, $0) }
        var rows: [[SQLValue]] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(.null)
                    continue
                }
                let length = Int(PQgetlength(result, row, column))
                let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, row, column), count: length)
                values.append(PostgresTextValue.decode(bytes, type: UInt32(types[Int(column)])))
            }
            rows.append(values)
        }
        return rows
    }
}
