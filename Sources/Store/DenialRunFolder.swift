import Native

/// Folds repeated denials into runs (schema/005): the first event of a run inserts its row, the
/// rest only count in memory until the transaction commits, when each touched run gets one
/// UPDATE. A run accepts events of one UTC minute and at most `maximumCount` of them.
///
/// Counts are written as deltas, so two writers folding into the same run both land. The map of
/// open runs is dropped when another writer committed (a prune may have removed a run) and on
/// rollback (a new run's row is gone).
final class DenialRunFolder {
    private struct OpenRun {
        var id: Int64
        var count: Int64
        var delta = Delta()
    }

    private struct Delta {
        var count: Int64 = 0
        var firstMilliseconds = Int64.max
        var firstSerial: Int64 = 0
        var lastMilliseconds = Int64.min
        var lastSerial: Int64 = 0

        mutating func add(time: Int64, serial: Int64) {
            count += 1
            if time < firstMilliseconds || (time == firstMilliseconds && serial < firstSerial) {
                firstMilliseconds = time
                firstSerial = serial
            }
            if time > lastMilliseconds || (time == lastMilliseconds && serial > lastSerial) {
                lastMilliseconds = time
                lastSerial = serial
            }
        }
    }

    static let maximumCount: Int64 = 100_000
    /// Open runs kept between commits; past it the map starts over (a new run row per key).
    private let openLimit = 50_000

    private var open: [DenialRunFacts: OpenRun] = [:]
    private var touched: [DenialRunFacts] = []
    private var newestMinute = Int64.min
    /// A new run's rows go in on the connection's write thread under an id chosen here, while
    /// the caller correlates on. Every other insert of a run (CoverageWriter's split) is followed
    /// by `forget()`.
    private let newIDs: RowIDCounter
    private let insertRun: SQLiteStatement
    private let insertParty: SQLiteStatement
    private let updateRun: SQLiteStatement
    private let connection: SQLiteDatabase

    static let columnNames = [
        "node", "kind", "boolean", "seresult", "scontext", "tcontext", "stype", "ttype", "slevel", "tlevel", "tclass",
        "perms", "permissive", "pid", "comm", "exe", "syscall", "success", "exit_code", "uid", "auid", "auid_name",
        "cwd", "path", "proctitle", "avc_count", "source_count", "source_vm", "source_uuid", "source_key",
        "target_count", "target_vm", "target_uuid", "target_key", "reason",
    ]

    init(connection: SQLiteDatabase) throws {
        self.connection = connection
        let names = ["id"] + Self.columnNames + ["count", "first_ms", "last_ms", "first_serial", "last_serial"]
        newIDs = try RowIDCounter(connection: connection, table: "denial_runs")
        insertRun = try connection.prepare("""
            INSERT INTO denial_runs(\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ",")))
            """)
        insertParty = try connection.prepare("INSERT OR IGNORE INTO run_parties(run_id, side, lease_id, run_minute_ms) VALUES (?,?,?,?)")
        // Every right-hand side reads the row as it was before this UPDATE. Ends are ordered by
        // time, then serial, as Delta orders them (two denials may share a millisecond).
        updateRun = try connection.prepare("""
            UPDATE denial_runs SET count = count + ?1,
                first_serial = CASE WHEN ?2 < first_ms OR (?2 = first_ms AND ?3 < first_serial) THEN ?3 ELSE first_serial END,
                first_ms = min(first_ms, ?2),
                last_serial = CASE WHEN ?4 > last_ms OR (?4 = last_ms AND ?5 > last_serial) THEN ?5 ELSE last_serial END,
                last_ms = max(last_ms, ?4)
            WHERE id = ?6
            """)
    }

    static func minute(_ milliseconds: Int64) -> Int64 {
        milliseconds.flooredDivision(by: DenialRuns.spanMilliseconds)
    }

    /// The run this denial belongs to. When none is open, `columns` gives the new run's row
    /// (interning its strings costs more than finding an open run, so it runs only then).
    func run(_ key: DenialRunFacts, time: Int64, serial: Int64, columns: () throws -> [SQLValue]) throws -> Int64 {
        newestMinute = max(newestMinute, key.minute)
        if let index = open.index(forKey: key), open.values[index].count + open.values[index].delta.count < Self.maximumCount {
            if open.values[index].delta.count == 0 { touched.append(key) }
            open.values[index].delta.add(time: time, serial: serial)
            return open.values[index].id
        }
        let row = try columns()
        let id = try newIDs.take()
        connection.runDeferred(insertRun, [.integer(id)] + row + [.integer(1), .integer(time), .integer(time), .integer(serial), .integer(serial)])
        let minute = SQLValue.integer(key.minute * DenialRuns.spanMilliseconds)
        for lease in key.sources { connection.runDeferred(insertParty, [.integer(id), .text("source"), .integer(lease), minute]) }
        for lease in key.targets { connection.runDeferred(insertParty, [.integer(id), .text("target"), .integer(lease), minute]) }
        if let full = open[key], full.delta.count > 0 {
            // The full run still owes its delta: write it before the key moves on.
            write(full)
        }
        open[key] = OpenRun(id: id, count: 1)
        return id
    }

    /// Writes the counted deltas; called before the transaction commits and before anything reads
    /// or changes run rows (a replaced event).
    func flush() throws {
        for key in touched {
            guard var run = open[key], run.delta.count > 0 else { continue }
            write(run)
            run.count += run.delta.count
            run.delta = Delta()
            open[key] = run
        }
        touched.removeAll(keepingCapacity: true)
        // Runs of minutes that have passed take no more events (a late event starts a new run).
        if open.count > openLimit {
            open.removeAll(keepingCapacity: true)
        } else if open.count > 1_000 {
            open = open.filter { $0.key.minute >= newestMinute - 1 }
        }
    }

    private func write(_ run: OpenRun) {
        let d = run.delta
        connection.runDeferred(updateRun, [.integer(d.count), .integer(d.firstMilliseconds), .integer(d.firstSerial),
                                           .integer(d.lastMilliseconds), .integer(d.lastSerial), .integer(run.id)])
    }

    /// One stored event of run `id` was removed (an event replaced by its complete version): its
    /// open run counts one less, and is dropped once empty (its row goes), so that the
    /// replacement and the repeats after it fold into the runs they belong to; the other open
    /// runs stay as they are.
    func removedEvent(ofRun id: Int64) {
        guard let index = open.firstIndex(where: { $0.value.id == id }) else { return }
        open.values[index].count -= 1
        if open.values[index].count + open.values[index].delta.count <= 0 { open.remove(at: index) }
    }

    /// After COMMIT: the next transaction reads the highest id again (another writer may have
    /// inserted runs in between).
    func transactionEnded() { newIDs.reset() }

    /// Drops the open runs and the next id: after rows were changed by anything but this folder,
    /// and on rollback.
    func forget() {
        open.removeAll()
        touched.removeAll()
        newIDs.reset()
    }
}
