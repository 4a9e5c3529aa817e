import Findings
import Guests
import Native

/// Stores coverage marks and, when the stop of an unseen guest shows that lease data was
/// incomplete over an interval, moves the unknown-source and unknown-target denials stored in it
/// to `unattributed`: their runs (split where a run straddles the interval's edge), the per-day
/// totals and the pair totals, all in the caller's transaction. The caller writes what it gathers
/// in memory first and forgets its open runs after (`IngestWriter.store(coverage:)`).
final class CoverageWriter {
    private let connection: SQLiteDatabase
    private let insertMark: SQLiteStatement

    init(connection: SQLiteDatabase) throws {
        self.connection = connection
        insertMark = try connection.prepare("""
            INSERT INTO coverage_marks(node, kind, time_ms, serial, vm, uuid, gap_kind, gap_ms, gap_serial)
            VALUES (?,?,?,?,?,?,?,?,?)
            """)
    }

    func insert(_ mark: CoverageMark) throws {
        let gap: (SQLValue, SQLValue, SQLValue)
        switch mark.gapStart {
        case nil: gap = (.null, .null, .null)
        case .nodeStart: gap = (.text("node-start"), .null, .null)
        case .at(let p): gap = (.text("at"), .integer(p.timeMilliseconds), .integer(p.serial))
        }
        try insertMark.run([.text(mark.node ?? ""), .text(mark.kind.rawValue), mark.position.map { .integer($0.timeMilliseconds) } ?? .null,
                            mark.position.map { .integer($0.serial) } ?? .null, mark.vm.sql, mark.uuid.sql, gap.0, gap.1, gap.2])
    }

    static func load(_ db: any SQLReader) throws -> [CoverageMark] {
        try db.rows("""
            SELECT node, kind, time_ms, serial, vm, uuid, gap_kind, gap_ms, gap_serial FROM coverage_marks ORDER BY id
            """).compactMap { r in
            guard let kind = CoverageMark.Kind(rawValue: r[1].string ?? "") else { return nil }
            let node = r[0].string.flatMap { $0.isEmpty ? nil : $0 }
            let position = r[2].int64.map { EventPosition(timeMilliseconds: $0, serial: r[3].int64 ?? 0) }
            let gap: CoverageMark.Start?
            switch r[6].string {
            case "node-start": gap = .nodeStart
            case "at": gap = .at(EventPosition(timeMilliseconds: r[7].int64 ?? 0, serial: r[8].int64 ?? 0))
            default: gap = nil
            }
            return CoverageMark(node: node, position: position, kind: kind, vm: r[4].string, uuid: r[5].string, gapStart: gap)
        }
    }

    /// Floored days since the epoch, in SQL (as the writer and the pruner count them).
    private static func day(_ column: String) -> String {
        "CASE WHEN \(column) >= 0 THEN \(column) / 86400000 ELSE (\(column) - 86399999) / 86400000 END"
    }

    /// Moves the unknown-* denials of `node` in [start, end) to `unattributed` with `reason`.
    /// - Parameter storedBefore: audit events with an id at or below it were stored before this
    ///   writer began (an earlier run): counted apart, so that a run's summary never subtracts
    ///   from its own counts what it did not store.
    /// - Returns: how many moved, by their old kind: this writer's, and those stored earlier.
    func reclassify(node: String?, from start: CoverageMark.Start, to end: EventPosition, reason: String,
                    storedBefore: Int64 = 0) throws -> (own: [String: Int], earlier: [String: Int]) {
        let db = connection
        let (fromMs, fromSerial): (Int64, Int64)
        switch start {
        case .nodeStart: (fromMs, fromSerial) = (.min, .min)
        case .at(let p): (fromMs, fromSerial) = (p.timeMilliseconds, p.serial)
        }
        let nodeValue = SQLValue.text(node ?? "")
        try db.execute("""
            CREATE TEMP TABLE IF NOT EXISTS coverage_moved(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL,
                                                           time_ms INTEGER NOT NULL, serial INTEGER NOT NULL)
            """)
        try db.execute("DELETE FROM temp.coverage_moved")
        try db.run("""
            INSERT INTO temp.coverage_moved
            SELECT a.id, a.run_id, a.time_ms, a.serial FROM denial_runs r
            JOIN audit_events a ON a.run_id = r.id AND a.time_ms >= r.first_ms AND a.time_ms <= r.last_ms
            WHERE r.kind IN ('unknown-source', 'unknown-target') AND r.node = ?1 AND r.first_ms <= ?4 AND r.last_ms >= ?2
              AND (a.time_ms > ?2 OR (a.time_ms = ?2 AND a.serial >= ?3))
              AND (a.time_ms < ?4 OR (a.time_ms = ?4 AND a.serial < ?5))
            """, [nodeValue, .integer(fromMs), .integer(fromSerial), .integer(end.timeMilliseconds), .integer(end.serial)])
        var moved: [String: Int] = [:]
        var earlier: [String: Int] = [:]
        for r in try db.rows("""
            SELECT r.kind, m.id <= ?, count(*) FROM temp.coverage_moved m JOIN denial_runs r ON r.id = m.run_id GROUP BY 1, 2
            """, [.integer(storedBefore)]) {
            let kind = r[0].string ?? "", count = Int(r[2].int64 ?? 0)
            if r[1].int64 == 1 { earlier[kind, default: 0] += count } else { moved[kind, default: 0] += count }
        }
        guard !moved.isEmpty || !earlier.isEmpty else { return ([:], [:]) }
        // The pairs these runs count in, recomputed once the runs changed kind.
        let pairs = try db.rows("""
            SELECT DISTINCT sk.text, tk.text FROM denial_runs r
            JOIN strings sk ON sk.id = r.source_key JOIN strings tk ON tk.id = r.target_key
            WHERE r.id IN (SELECT run_id FROM temp.coverage_moved)
            """).compactMap { r in r[0].string.flatMap { s in r[1].string.map { (s, $0) } } }
        try db.run("""
            UPDATE daily_totals SET count = count - x.n FROM (
                SELECT \(Self.day("m.time_ms")) AS day, r.kind AS kind, count(*) AS n
                FROM temp.coverage_moved m JOIN denial_runs r ON r.id = m.run_id GROUP BY 1, 2) AS x
            WHERE daily_totals.day = x.day AND daily_totals.node = ? AND daily_totals.kind = x.kind
            """, [nodeValue])
        try db.execute("DELETE FROM daily_totals WHERE count <= 0")
        try db.run("""
            INSERT INTO daily_totals(day, node, kind, count, last_ms)
            SELECT \(Self.day("time_ms")), ?, 'unattributed', count(*), max(time_ms) FROM temp.coverage_moved WHERE 1 GROUP BY 1
            ON CONFLICT DO UPDATE SET count = count + excluded.count, last_ms = max(last_ms, excluded.last_ms)
            """, [nodeValue])
        try moveRuns(reason: reason)
        try RunningTotals.recomputePairs(pairs, connection: db)
        return (moved, earlier)
    }

    /// A run wholly inside the interval changes kind; one that straddles its edge is split: the
    /// events inside go to a copy of it of kind `unattributed`.
    private func moveRuns(reason: String) throws {
        let db = connection
        let runs = try db.rows("""
            SELECT m.run_id, count(*), r.count FROM temp.coverage_moved m JOIN denial_runs r ON r.id = m.run_id GROUP BY m.run_id
            """)
        let columns = DenialRunFolder.columnNames
        let copied = columns.map { name -> String in
            switch name {
            case "kind": return "'unattributed'"
            case "reason": return "?2"
            default: return name
            }
        }.joined(separator: ", ")
        for run in runs {
            guard let id = run[0].int64, let n = run[1].int64, let total = run[2].int64 else { continue }
            if n >= total {
                try db.run("UPDATE denial_runs SET kind = 'unattributed', reason = ? WHERE id = ?", [.text(reason), .integer(id)])
                continue
            }
            let span = try db.rows("""
                SELECT (SELECT time_ms FROM temp.coverage_moved WHERE run_id = ?1 ORDER BY time_ms, serial LIMIT 1),
                       (SELECT serial FROM temp.coverage_moved WHERE run_id = ?1 ORDER BY time_ms, serial LIMIT 1),
                       (SELECT time_ms FROM temp.coverage_moved WHERE run_id = ?1 ORDER BY time_ms DESC, serial DESC LIMIT 1),
                       (SELECT serial FROM temp.coverage_moved WHERE run_id = ?1 ORDER BY time_ms DESC, serial DESC LIMIT 1)
                """, [.integer(id)])[0]
            try db.run("""
                INSERT INTO denial_runs(\(columns.joined(separator: ", ")), count, first_ms, first_serial, last_ms, last_serial)
                SELECT \(copied), ?3, ?4, ?5, ?6, ?7 FROM denial_runs WHERE id = ?1
                """, [.integer(id), .text(reason), .integer(n), span[0], span[1], span[2], span[3]])
            let newID = db.lastInsertRowID
            // The events moved lie in the run's minute, so the new run keeps it.
            try db.run("""
                INSERT INTO run_parties(run_id, side, lease_id, run_minute_ms)
                SELECT ?, side, lease_id, run_minute_ms FROM run_parties WHERE run_id = ?
                """,
                       [.integer(newID), .integer(id)])
            try db.run("UPDATE audit_events SET run_id = ? WHERE id IN (SELECT id FROM temp.coverage_moved WHERE run_id = ?)",
                       [.integer(newID), .integer(id)])
            // The events left keep the run; its span shrinks to them.
            try db.run("""
                UPDATE denial_runs SET count = count - ?2, \(DenialRuns.firstOfItsEvents()), \(DenialRuns.lastOfItsEvents())
                WHERE id = ?1
                """, [.integer(id), .integer(n)])
        }
    }
}

extension Database {
    /// Every coverage mark stored, in the order they were stored.
    public func coverageMarks() throws -> [CoverageMark] {
        try CoverageWriter.load(connection)
    }
}
