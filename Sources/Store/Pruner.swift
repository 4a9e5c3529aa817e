import Foundation
import Native

/// Retention: deletes stored events older than a cutoff, a chunk per transaction, so that a
/// watch beside it waits at most one chunk for the lock. Every running total is corrected in the
/// same transaction as the rows it counted, so reports stay exact over what remains.
///
/// What goes: audit events before the cutoff with their runs' share (a run that loses all its
/// events goes too), lifecycle events and resources found in them, evidence blocks no remaining
/// event points into, and alerts before the cutoff that no sink still waits for. What stays:
/// guests, leases (the label history, one row per guest lifetime), interned strings, sources and
/// parse errors (both bounded), and the alert engine's state.
public final class Pruner {
    public struct Summary: Sendable, Equatable {
        public var events: Int64 = 0
        public var denials: Int64 = 0
        public var runs: Int64 = 0
        public var blocks: Int64 = 0
        public var alerts: Int64 = 0

        public init() {}

        public var isEmpty: Bool { events == 0 && alerts == 0 }

        public mutating func add(_ other: Summary) {
            events += other.events
            denials += other.denials
            runs += other.runs
            blocks += other.blocks
            alerts += other.alerts
        }
    }

    private let database: Database
    private var db: SQLiteDatabase { database.connection }
    public let chunkSize: Int

    public init(database: Database, chunkSize: Int = 5_000) {
        self.database = database
        self.chunkSize = max(1, chunkSize)
    }

    /// Prunes everything before `cutoff`, a chunk per transaction, pausing between chunks.
    public func prune(before cutoff: Int64, pause: Duration = .milliseconds(5),
                      progress: (Summary) -> Void = { _ in }) throws -> Summary {
        var total = Summary()
        while true {
            try wrapped { try db.execute("BEGIN IMMEDIATE") }
            let chunk: Summary
            do {
                chunk = try pruneChunk(before: cutoff)
                try wrapped { try db.execute("COMMIT") }
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
            total.add(chunk)
            progress(total)
            if chunk.isEmpty { return total }
            let (seconds, attoseconds) = pause.components
            Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
        }
    }

    /// What `prune` would delete, without deleting anything.
    public func preview(before cutoff: Int64) throws -> Summary {
        try wrapped {
            var s = Summary()
            s.events = try count("SELECT count(*) FROM audit_events WHERE time_ms < ?", cutoff)
            s.denials = try count("SELECT count(*) FROM audit_events WHERE time_ms < ? AND run_id IS NOT NULL", cutoff)
            s.runs = try count("""
                SELECT count(*) FROM denial_runs r WHERE r.first_ms < ? AND NOT EXISTS (
                    SELECT 1 FROM audit_events a WHERE a.run_id = r.id AND a.time_ms >= ? AND a.time_ms <= r.last_ms)
                """, cutoff, cutoff)
            s.alerts = try count("SELECT count(*) FROM alerts WHERE \(Self.prunableAlerts)", cutoff)
            return s
        }
    }

    /// One chunk, inside the caller's transaction (watch runs it in its own). The caller must
    /// drop what it keeps in memory about runs and strings afterwards (`IngestWriter.forgetFolding`).
    public func pruneChunk(before cutoff: Int64) throws -> Summary {
        try wrapped {
            var s = Summary()
            try db.execute("CREATE TEMP TABLE IF NOT EXISTS prune_ids(id INTEGER PRIMARY KEY, run_id INTEGER, block_id INTEGER)")
            try db.execute("DELETE FROM temp.prune_ids")
            try db.run("""
                INSERT INTO temp.prune_ids(id, run_id, block_id)
                SELECT id, run_id, block_id FROM audit_events WHERE time_ms < ? ORDER BY time_ms LIMIT ?
                """, [.integer(cutoff), .integer(Int64(chunkSize))])
            s.events = try count("SELECT count(*) FROM temp.prune_ids")
            s.denials = try count("SELECT count(*) FROM temp.prune_ids WHERE run_id IS NOT NULL")
            if s.events > 0 {
                try correctTotals()
                s.runs = try pruneRuns()
                s.blocks = try pruneBlocks()
                for table in ["events", "guest_resources", "raw_records"] {
                    try db.execute("DELETE FROM \(table) WHERE audit_event_id IN (SELECT id FROM temp.prune_ids)")
                }
                try db.execute("DELETE FROM audit_events WHERE id IN (SELECT id FROM temp.prune_ids)")
                try recomputePairs()
            }
            s.alerts = try pruneAlerts(before: cutoff)
            return s
        }
    }

    /// Alerts before the cutoff whose every delivery is settled (delivered, or failed for good).
    private static let prunableAlerts = """
        time_ms < ? AND NOT EXISTS (SELECT 1 FROM alert_deliveries d WHERE d.alert = alerts.id AND d.state = 'pending')
        """

    private func pruneAlerts(before cutoff: Int64) throws -> Int64 {
        let ids = try db.rows("SELECT id FROM alerts WHERE \(Self.prunableAlerts) LIMIT ?", [.integer(cutoff), .integer(Int64(chunkSize))])
            .compactMap { $0.first?.int64 }
        for id in ids {
            try db.run("DELETE FROM alert_deliveries WHERE alert = ?", [.integer(id)])
            try db.run("DELETE FROM alerts WHERE id = ?", [.integer(id)])
        }
        return Int64(ids.count)
    }

    /// Takes the chunk's events out of the per-day and per-node totals; the pairs are recomputed
    /// from their runs afterwards (their first time and sets change, not only their counts).
    private func correctTotals() throws {
        try db.execute("""
            CREATE TEMP TABLE IF NOT EXISTS prune_pairs(source_key TEXT, target_key TEXT, PRIMARY KEY (source_key, target_key))
            """)
        try db.execute("DELETE FROM temp.prune_pairs")
        try db.execute("""
            INSERT OR IGNORE INTO temp.prune_pairs SELECT DISTINCT d.source_key, d.target_key FROM denials d
            WHERE d.id IN (SELECT id FROM temp.prune_ids) AND d.kind IN ('cross-guest', 'unknown-source', 'unknown-target')
              AND d.source_key IS NOT NULL AND d.target_key IS NOT NULL
            """)
        try db.execute("""
            UPDATE daily_totals SET count = count - x.n FROM (
                SELECT CASE WHEN d.time_ms >= 0 THEN d.time_ms / 86400000 ELSE (d.time_ms - 86399999) / 86400000 END AS day,
                       d.node AS node, d.kind AS kind, count(*) AS n
                FROM denials d WHERE d.id IN (SELECT id FROM temp.prune_ids) GROUP BY 1, 2, 3) AS x
            WHERE daily_totals.day = x.day AND daily_totals.node = x.node AND daily_totals.kind = x.kind
            """)
        try db.execute("DELETE FROM daily_totals WHERE count <= 0")
        try db.execute("""
            UPDATE node_activity SET events = events - x.n FROM (
                SELECT a.node AS node, count(*) AS n FROM audit_events a WHERE a.id IN (SELECT id FROM temp.prune_ids)
                GROUP BY a.node) AS x
            WHERE node_activity.node = x.node
            """)
        try db.execute("DELETE FROM node_activity WHERE events <= 0")
    }

    /// Runs lose the chunk's events; an emptied run goes with its parties, a run that keeps some
    /// starts at its earliest remaining event.
    private func pruneRuns() throws -> Int64 {
        try db.execute("""
            UPDATE denial_runs SET count = count - x.n FROM (
                SELECT run_id, count(*) AS n FROM temp.prune_ids WHERE run_id IS NOT NULL GROUP BY run_id) AS x
            WHERE denial_runs.id = x.run_id
            """)
        let emptied = try count("SELECT count(*) FROM denial_runs WHERE count <= 0 AND id IN (SELECT run_id FROM temp.prune_ids)")
        try db.execute("""
            DELETE FROM run_parties WHERE run_id IN (
                SELECT id FROM denial_runs WHERE count <= 0 AND id IN (SELECT run_id FROM temp.prune_ids))
            """)
        try db.execute("DELETE FROM denial_runs WHERE count <= 0 AND id IN (SELECT run_id FROM temp.prune_ids)")
        try db.execute("""
            UPDATE denial_runs SET \(DenialRuns.firstOfItsEvents(andAlso: "a.id NOT IN (SELECT id FROM temp.prune_ids)"))
            WHERE id IN (SELECT run_id FROM temp.prune_ids)
            """)
        return emptied
    }

    /// Blocks count the events that point into them; one that reaches zero holds nothing a
    /// report can reach and goes.
    private func pruneBlocks() throws -> Int64 {
        try db.execute("""
            UPDATE evidence_blocks SET events = events - x.n FROM (
                SELECT block_id, count(*) AS n FROM temp.prune_ids WHERE block_id IS NOT NULL GROUP BY block_id) AS x
            WHERE evidence_blocks.id = x.block_id
            """)
        let emptied = try count("""
            SELECT count(*) FROM evidence_blocks WHERE events <= 0 AND id IN (SELECT block_id FROM temp.prune_ids)
            """)
        try db.execute("DELETE FROM evidence_blocks WHERE events <= 0 AND id IN (SELECT block_id FROM temp.prune_ids)")
        return emptied
    }

    /// The pairs the chunk touched, computed again from their remaining runs.
    private func recomputePairs() throws {
        let pairs = try db.rows("SELECT source_key, target_key FROM temp.prune_pairs")
            .compactMap { r in r[0].string.flatMap { s in r[1].string.map { (s, $0) } } }
        try RunningTotals.recomputePairs(pairs, connection: db)
    }

    private func count(_ sql: String, _ values: Int64...) throws -> Int64 {
        try db.rows(sql, values.map { .integer($0) }).first?.first?.int64 ?? 0
    }

    private func wrapped<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            throw StoreError.wrap(error, path: database.path, timeout: database.busyTimeoutMilliseconds)
        }
    }
}
