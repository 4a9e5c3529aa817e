import Native

/// The events of folded denial runs that hold more than one, found by run id. A run's events lie
/// between its first and last time, inside one UTC minute (`DenialRuns`), and that bounds every
/// search: SQLite walks audit_events(time_ms, run_id) over the run's minute, and PostgreSQL plans
/// for the partition of the run's month alone.
///
/// Apart from the runs they belong to, so that a report reads the runs (most of them single
/// events, which the run row holds whole) without a probe of audit_events for each.
struct RunEvents {
    struct Run {
        var id: Int64
        var firstMs: Int64
        var lastMs: Int64
        /// Its events, as the run row counts them.
        var count: Int64
    }

    struct Event {
        /// The run's index in the list asked for.
        var run: Int
        var time: Int64
        var serial: Int64
        var node: String
    }

    /// A server is asked for up to this many runs in one statement...
    static let batchSize = 500
    /// ...whose times lie within this span, so that each statement reaches one or two of
    /// PostgreSQL's monthly partitions, never all of them.
    static let batchSpanMilliseconds: Int64 = 27 * 86_400_000
    /// A batch of at most this many events is read in one round trip; a larger one through a
    /// cursor, 10,000 rows at a time, so that a flood's runs are never all held at once.
    static let eventsInOneAnswer: Int64 = 50_000

    /// Calls `each` for every event of every run, in no particular order.
    static func fetch(_ runs: [Run], from db: any SQLReader, each: (Event) -> Void) throws {
        guard !runs.isEmpty else { return }
        if db.statementsAreRoundTrips {
            try fetchBatched(runs, from: db, each: each)
        } else {
            try fetchOneByOne(runs, from: db, each: each)
        }
    }

    /// SQLite: one probe of the time index per run, but for runs whose time ranges overlap, which
    /// are read together in one scan of their joint range (per `batchSize` runs). Probed one by
    /// one, a thousand distinct denials cycling within a minute (a thousand runs, each spanning
    /// the minute) read that minute once per run: 7.4 s for a guest's 60,000 denials (helper-92).
    /// A joint range never holds more events than the runs' own ranges together.
    private static func fetchOneByOne(_ runs: [Run], from db: any SQLReader, each: (Event) -> Void) throws {
        let events = try db.lookup("""
            SELECT time_ms, serial, node FROM audit_events WHERE run_id = ? AND time_ms >= ? AND time_ms <= ?
            """)
        for group in overlapping(runs) {
            guard group.count > 1 else {
                let index = group[0], run = runs[index]
                try events.bind([.integer(run.id), .integer(run.firstMs), .integer(run.lastMs)])
                while try events.step() {
                    each(Event(run: index, time: events.int64(at: 0) ?? 0, serial: events.int64(at: 1) ?? 0,
                               node: events.string(at: 2) ?? ""))
                }
                continue
            }
            var start = 0
            while start < group.count {
                let end = min(group.count, start + batchSize)
                try fetchTogether(group[start..<end], of: runs, from: db, each: each)
                start = end
            }
        }
    }

    /// The runs (their indices) in groups whose time ranges overlap, each by first time.
    static func overlapping(_ runs: [Run]) -> [[Int]] {
        let order = runs.indices.sorted { (runs[$0].firstMs, $0) < (runs[$1].firstMs, $1) }
        var groups: [[Int]] = []
        var groupEnd = Int64.min
        for index in order {
            if groups.isEmpty || runs[index].firstMs > groupEnd {
                groups.append([index])
                groupEnd = runs[index].lastMs
            } else {
                groups[groups.count - 1].append(index)
                groupEnd = max(groupEnd, runs[index].lastMs)
            }
        }
        return groups
    }

    private static func fetchBatched(_ runs: [Run], from db: any SQLReader, each: (Event) -> Void) throws {
        let order = runs.indices.sorted { (runs[$0].firstMs, $0) < (runs[$1].firstMs, $1) }
        var start = 0
        while start < order.count {
            let from = runs[order[start]].firstMs
            var end = start
            while end < order.count, end - start < batchSize {
                let run = runs[order[end]]
                let span = run.lastMs.subtractingReportingOverflow(from)
                guard end == start || (!span.overflow && span.partialValue <= batchSpanMilliseconds) else { break }
                end += 1
            }
            try fetchTogether(order[start..<end], of: runs, from: db, each: each)
            start = end
        }
    }

    /// The events of these runs (indices into `runs`) in one statement over their joint range.
    private static func fetchTogether(_ indices: ArraySlice<Int>, of runs: [Run], from db: any SQLReader,
                                      each: (Event) -> Void) throws {
        guard let first = indices.first else { return }
        var from = runs[first].firstMs
        var to = runs[first].lastMs
        // An id listed twice (two rows of one run) gets its events twice, as a join would give.
        var byID: [Int64: [Int]] = [:]
        var values: [SQLValue] = []
        values.reserveCapacity(indices.count + 2)
        for index in indices {
            if byID[runs[index].id, default: []].isEmpty { values.append(.integer(runs[index].id)) }
            byID[runs[index].id, default: []].append(index)
            from = min(from, runs[index].firstMs)
            to = max(to, runs[index].lastMs)
        }
        values.append(.integer(from))
        values.append(.integer(to))
        let placeholders = Array(repeating: "?", count: values.count - 2).joined(separator: ",")
        let sql = """
            SELECT run_id, time_ms, serial, node FROM audit_events
            WHERE run_id IN (\(placeholders)) AND time_ms >= ? AND time_ms <= ?
            """
        func take(_ id: Int64?, _ time: Int64?, _ serial: Int64?, _ node: String?) {
            guard let id, let indices = byID[id], let time else { return }
            for index in indices where time >= runs[index].firstMs && time <= runs[index].lastMs {
                each(Event(run: index, time: time, serial: serial ?? 0, node: node ?? ""))
            }
        }
        let expected = indices.reduce(Int64(0)) { sum, index in
            let (total, overflow) = sum.addingReportingOverflow(max(0, runs[index].count))
            return overflow ? .max : total
        }
        if expected <= eventsInOneAnswer {
            for row in try db.rows(sql, values) { take(row[0].int64, row[1].int64, row[2].int64, row[3].string) }
        } else {
            let events = try db.query(sql)
            try events.bind(values)
            while try events.step() {
                take(events.int64(at: 0), events.int64(at: 1), events.int64(at: 2), events.string(at: 3))
            }
        }
    }
}
