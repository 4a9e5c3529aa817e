import Native

/// The `alerts` table, each alert's delivery state per sink, and the alert engine's open windows.
/// Used by `watch` on the writer's connection, inside its transactions.
///
/// Windows and deliveries belong to one watch, its `owner` (its node): watches of other nodes
/// writing to the same database neither take up nor close its windows, nor print or send its
/// alerts. Alerts themselves are shared history.
public final class AlertLedger {
    private let db: SQLiteDatabase
    public let owner: String
    private let insertAlert: SQLiteStatement
    private let insertDelivery: SQLiteStatement
    private let updateDelivery: SQLiteStatement
    private let requeueDelivery: SQLiteStatement
    private let saveState: SQLiteStatement
    private let deleteState: SQLiteStatement

    /// Called before every write (and before reads that decide a write): watch opens its write
    /// transaction there, so the ledger never writes outside one or from a stale read.
    public var beforeWrite: () throws -> Void = {}

    public init(database: Database, owner: String) throws {
        db = database.connection
        self.owner = owner
        insertAlert = try db.prepare("""
            INSERT INTO alerts(alert_id, time_ms, severity, rule, kind, node, json) VALUES (?,?,?,?,?,?,?)
            ON CONFLICT(alert_id) DO NOTHING
            """)
        insertDelivery = try db.prepare("INSERT OR IGNORE INTO alert_deliveries(alert, sink, state, owner) VALUES (?,?,'pending',?)")
        updateDelivery = try db.prepare("""
            UPDATE alert_deliveries SET state = ?, attempts = attempts + ?, last_error = ? WHERE alert = ? AND sink = ?
            """)
        requeueDelivery = try db.prepare("UPDATE alert_deliveries SET state = 'pending' WHERE alert = ? AND sink = ?")
        saveState = try db.prepare("""
            INSERT INTO alert_windows(owner, key, value) VALUES (?, ?, ?) ON CONFLICT(owner, key) DO UPDATE SET value = excluded.value
            """)
        deleteState = try db.prepare("DELETE FROM alert_windows WHERE owner = ? AND key = ?")
    }

    /// Records an alert with a pending delivery for each sink; returns its row id, or nil when an
    /// alert with this id is stored already (a replay raised it again): the stored row stays and
    /// nothing is delivered twice.
    public func record(alertID: String, time: Int64, severity: String, rule: String, kind: String, node: String?,
                       json: String, sinks: [String]) throws -> Int64? {
        try beforeWrite()
        try insertAlert.run([.text(alertID), .integer(time), .text(severity), .text(rule), .text(kind),
                             .text(node ?? ""), .text(json)])
        guard db.changes > 0 else { return nil }
        let row = db.lastInsertRowID
        for sink in sinks { try insertDelivery.run([.integer(row), .text(sink), .text(owner)]) }
        return row
    }

    public func settle(alert: Int64, sink: String, delivered: Bool, attempts: Int, error: String?) throws {
        try beforeWrite()
        try updateDelivery.run([.text(delivered ? "delivered" : "failed"), .integer(Int64(attempts)), error.sql,
                                .integer(alert), .text(sink)])
    }

    /// One sink's deliveries not confirmed yet (pending, or failed before), oldest first, at most
    /// `limit`: sent again at start. Those beyond the limit are marked failed, so that the
    /// running watch's retries take them up as the sink's queue empties.
    public func unsettled(sink: String, limit: Int) throws -> [(alert: Int64, alertID: String, time: Int64, json: String)] {
        let rows = try db.rows("""
            SELECT d.alert, a.alert_id, a.time_ms, a.json FROM alert_deliveries d JOIN alerts a ON a.id = d.alert
            WHERE d.owner = ? AND d.state != 'delivered' AND d.sink = ? ORDER BY d.alert LIMIT ?
            """, [.text(owner), .text(sink), .integer(Int64(max(0, limit)))]).map(Self.entry)
        try db.run("""
            UPDATE alert_deliveries SET state = 'failed' WHERE owner = ? AND sink = ? AND state = 'pending' AND alert > ?
            """, [.text(owner), .text(sink), .integer(rows.last?.alert ?? -1)])
        return rows
    }

    /// Standard output's unconfirmed alerts after row `after`, oldest first, at most `limit`: what
    /// a crash or a reader that went away kept from being printed, printed at the next start.
    public func unprinted(sink: String, after: Int64, limit: Int) throws -> [(alert: Int64, json: String)] {
        try db.rows("""
            SELECT d.alert, a.json FROM alert_deliveries d JOIN alerts a ON a.id = d.alert
            WHERE d.owner = ? AND d.state != 'delivered' AND d.sink = ? AND d.alert > ? ORDER BY d.alert LIMIT ?
            """, [.text(owner), .text(sink), .integer(after), .integer(Int64(max(0, limit)))]).map { ($0[0].int64 ?? 0, $0[1].string ?? "") }
    }

    /// One sink's deliveries that failed and have attempts left, oldest first, at most `limit`,
    /// marked pending again (so they are not taken twice while in flight): what a running watch
    /// retries.
    public func takeFailed(sink: String, maximumAttempts: Int, limit: Int)
        throws -> [(alert: Int64, alertID: String, time: Int64, json: String)] {
        guard limit > 0 else { return [] }
        try beforeWrite()
        let rows = try db.rows("""
            SELECT d.alert, a.alert_id, a.time_ms, a.json FROM alert_deliveries d JOIN alerts a ON a.id = d.alert
            WHERE d.owner = ? AND d.state = 'failed' AND d.attempts < ? AND d.sink = ? ORDER BY d.alert LIMIT ?
            """, [.text(owner), .integer(Int64(maximumAttempts)), .text(sink), .integer(Int64(limit))]).map(Self.entry)
        for row in rows { try requeueDelivery.run([.integer(row.alert), .text(sink)]) }
        return rows
    }

    private static func entry(_ row: [SQLValue]) -> (alert: Int64, alertID: String, time: Int64, json: String) {
        (row[0].int64 ?? 0, row[1].string ?? "", row[2].int64 ?? 0, row[3].string ?? "")
    }

    // MARK: the alert engine's windows

    /// What `adoptUnowned` did with the windows and deliveries written before they had owners.
    public enum Adoption: Equatable, Sendable {
        case nothingWaiting
        case took(Int)
        /// Left for the watch that wrote them: they name other nodes than this watch's.
        case left(rows: Int, nodes: [String])
    }

    /// Takes up the windows and deliveries written before they had owners (schema 007), when
    /// only one watch per database worked: the watch that wrote them continues them. That watch
    /// is recognised by the nodes its alerts name: a watch of that one node, or one without a node
    /// (a central log's, whose alerts name the nodes of their lines), takes them; another node's
    /// watch leaves them.
    public func adoptUnowned() throws -> Adoption {
        let waiting = try db.rows("""
            SELECT (SELECT count(*) FROM alert_windows_unowned WHERE key != 'newest')
                 + (SELECT count(*) FROM alert_deliveries WHERE owner IS NULL AND state != 'delivered')
            """)
        let rows = Int(waiting.first?.first?.int64 ?? 0)
        guard rows > 0 else { return .nothingWaiting }
        let nodes = try db.rows("""
            SELECT a.node FROM alert_deliveries d JOIN alerts a ON a.id = d.alert WHERE d.owner IS NULL
            UNION
            SELECT json_extract(value, '$.last.node') FROM alert_windows_unowned
            WHERE json_valid(value) AND json_extract(value, '$.last.node') IS NOT NULL
            """).compactMap { $0.first?.string }.sorted(by: ExactText.byBytes)
        // Every node they name must be this watch's, by bytes: a watch of one node among several
        // (a central log's) would otherwise close the others' windows and print their alerts.
        guard owner.isEmpty || nodes.allSatisfy({ ExactText($0) == ExactText(owner) }) else { return .left(rows: rows, nodes: nodes) }
        try beforeWrite()
        try db.run("INSERT OR IGNORE INTO alert_windows(owner, key, value) SELECT ?, key, value FROM alert_windows_unowned", [.text(owner)])
        var taken = db.changes
        try db.run("DELETE FROM alert_windows_unowned", [])
        try db.run("UPDATE alert_deliveries SET owner = ? WHERE owner IS NULL", [.text(owner)])
        taken += db.changes
        return .took(taken)
    }

    /// The other owners' open windows and unconfirmed deliveries, by owner: what a watch of that
    /// node left for its next start (or a node renamed since left for good).
    public func otherOwners() throws -> [(owner: String, windows: Int, undelivered: Int)] {
        try db.rows("""
            SELECT owner, sum(w), sum(d) FROM (
                SELECT owner, 1 AS w, 0 AS d FROM alert_windows
                WHERE owner != ?1 AND (substr(key, 1, 8) = 'repeats|' OR substr(key, 1, 8) = 'limited|')
                UNION ALL
                SELECT owner, 0, 1 FROM alert_deliveries WHERE owner != ?1 AND state != 'delivered')
            GROUP BY owner ORDER BY owner
            """, [.text(owner)]).map { ($0[0].string ?? "", Int($0[1].int64 ?? 0), Int($0[2].int64 ?? 0)) }
    }

    /// Every stored state row of this owner's alert engine (not the positions its watch judged and
    /// read, which share the table: IngestWriter.judgedPositions, readPositions).
    public func engineState() throws -> [(key: String, value: String)] {
        let judged = IngestWriter.judgedKeyPrefix, read = IngestWriter.readKeyPrefix
        return try db.rows("""
            SELECT key, value FROM alert_windows WHERE owner = ? AND substr(key, 1, ?) != ? AND substr(key, 1, ?) != ? ORDER BY key
            """, [.text(owner), .integer(Int64(judged.utf8.count)), .text(judged), .integer(Int64(read.utf8.count)), .text(read)])
            .map { ($0[0].string ?? "", $0[1].string ?? "") }
    }

    /// Applies the engine's changes (nil: the row goes); returns how many rows it wrote.
    public func saveEngineState(_ changes: [(key: String, value: String?)]) throws -> Int {
        if !changes.isEmpty { try beforeWrite() }
        for (key, value) in changes {
            if let value { try saveState.run([.text(owner), .text(key), .text(value)]) } else { try deleteState.run([.text(owner), .text(key)]) }
        }
        return changes.count
    }
}
