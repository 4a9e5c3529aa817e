import Native

/// The `alerts` table and each alert's delivery state per sink. Used by `watch` on the writer's
/// connection, inside its transactions.
public final class AlertLedger {
    private let db: SQLiteDatabase
    private let insertAlert: SQLiteStatement
    private let insertDelivery: SQLiteStatement
    private let updateDelivery: SQLiteStatement
    private let requeueDelivery: SQLiteStatement

    public init(database: Database) throws {
        db = database.connection
        insertAlert = try db.prepare("""
            INSERT INTO alerts(alert_id, time_ms, severity, rule, kind, node, json) VALUES (?,?,?,?,?,?,?)
            """)
        insertDelivery = try db.prepare("INSERT OR IGNORE INTO alert_deliveries(alert, sink, state) VALUES (?,?,'pending')")
        updateDelivery = try db.prepare("""
            UPDATE alert_deliveries SET state = ?, attempts = attempts + ?, last_error = ? WHERE alert = ? AND sink = ?
            """)
        requeueDelivery = try db.prepare("UPDATE alert_deliveries SET state = 'pending' WHERE alert = ? AND sink = ?")
    }

    /// Records an alert with a pending delivery for each sink; returns its row id.
    public func record(alertID: String, time: Int64, severity: String, rule: String, kind: String, node: String?,
                       json: String, sinks: [String]) throws -> Int64 {
        try insertAlert.run([.text(alertID), .integer(time), .text(severity), .text(rule), .text(kind),
                             .text(node ?? ""), .text(json)])
        let row = db.lastInsertRowID
        for sink in sinks { try insertDelivery.run([.integer(row), .text(sink)]) }
        return row
    }

    public func settle(alert: Int64, sink: String, delivered: Bool, attempts: Int, error: String?) throws {
        try updateDelivery.run([.text(delivered ? "delivered" : "failed"), .integer(Int64(attempts)), error.sql,
                                .integer(alert), .text(sink)])
    }

    /// Deliveries not confirmed yet (pending, or failed before), oldest first: sent again at start.
    public func unsettled(sinks: [String]) throws -> [(alert: Int64, sink: String, json: String)] {
        guard !sinks.isEmpty else { return [] }
        return try db.rows("""
            SELECT d.alert, d.sink, a.json FROM alert_deliveries d JOIN alerts a ON a.id = d.alert
            WHERE d.state != 'delivered' AND d.sink IN (\(sinks.map { _ in "?" }.joined(separator: ",")))
            ORDER BY d.alert
            """, sinks.map { .text($0) }).map { ($0[0].int64 ?? 0, $0[1].string ?? "", $0[2].string ?? "") }
    }

    /// Deliveries that failed and have attempts left, oldest first, marked pending again (so they
    /// are not taken twice while in flight): what a running watch retries.
    public func takeFailed(sinks: [String], maximumAttempts: Int) throws -> [(alert: Int64, sink: String, json: String)] {
        guard !sinks.isEmpty else { return [] }
        let rows = try db.rows("""
            SELECT d.alert, d.sink, a.json FROM alert_deliveries d JOIN alerts a ON a.id = d.alert
            WHERE d.state = 'failed' AND d.attempts < ? AND d.sink IN (\(sinks.map { _ in "?" }.joined(separator: ",")))
            ORDER BY d.alert
            """, [.integer(Int64(maximumAttempts))] + sinks.map { .text($0) })
            .map { ($0[0].int64 ?? 0, $0[1].string ?? "", $0[2].string ?? "") }
        for row in rows { try requeueDelivery.run([.integer(row.0), .text(row.1)]) }
        return rows
    }
}
