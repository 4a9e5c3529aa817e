import Native
import Formatting
import Store

/// `query stats`: denials per kind, node and day, parse errors, and the last event per node so a
/// node that went silent stands out.
public struct StatsQuery: Sendable {
    public var filter: DenialFilter
    /// A node whose last event is this far behind the newest one is flagged silent.
    public var silentAfterMilliseconds: Int64 = 3_600_000
    /// The clock of the query: a node whose last event is more than `aheadAfterMilliseconds`
    /// after it is flagged as stamped ahead, and silence is judged against the newest event that
    /// is not. nil: against the newest of all (a replay with no clock).
    public var nowMilliseconds: Int64?
    public var aheadAfterMilliseconds: Int64 = 300_000

    public init(filter: DenialFilter = DenialFilter()) { self.filter = filter }

    public static let keys = ["section", "name", "count", "last_event", "note"]

    public func run(_ database: StoreReader, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let (clause, values) = filter.clause()
        func row(_ section: String, _ name: String, _ count: Int64?, _ last: Int64? = nil, _ note: String? = nil) throws {
            try emit([
                ("section", .string(section)), ("name", .string(name)), ("count", count.map { .int($0) } ?? .null),
                ("last_event", last.map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
                ("note", note.map { .string($0) } ?? .null),
            ])
        }
        // Unfiltered, the running totals answer; a filter needs the denials themselves.
        let plain = clause == "1 = 1"
        // Filtered: one scan, counted per kind, node and day, and summed here for each section.
        let scanned = plain ? [] : try db.rows("""
            SELECT d.kind, d.node, d.time_ms / 86400000, count(*), max(d.time_ms) FROM denials d WHERE \(clause)
            GROUP BY 1, 2, 3
            """, values)
        func summed(_ column: Int) -> [[SQLValue]] {
            var totals: [SQLValue: (count: Int64, last: Int64)] = [:]
            for r in scanned {
                let old = totals[r[column]] ?? (0, Int64.min)
                totals[r[column]] = (old.count + (r[3].int64 ?? 0), max(old.last, r[4].int64 ?? Int64.min))
            }
            return totals.map { [$0.key, .integer($0.value.count), .integer($0.value.last)] }
        }
        let kinds = plain
            ? try db.rows("SELECT kind, sum(count), max(last_ms) FROM daily_totals GROUP BY kind ORDER BY 2 DESC, 1")
            : summed(0).sorted { ($0[1].int64 ?? 0, $1[0].string ?? "") > ($1[1].int64 ?? 0, $0[0].string ?? "") }
        for r in kinds {
            try row("kind", r[0].string ?? "", r[1].int64, r[2].int64)
        }
        // Last event per node over everything stored, not only denials: a quiet node still logs
        // lifecycle and policy events.
        let counts = plain
            ? try db.rows("SELECT node, sum(count) FROM daily_totals GROUP BY node")
            : summed(1)
        // By the node's bytes: two spellings of one name in different Unicode normalization are two nodes.
        let denialsPerNode = Dictionary(counts.map { (ExactText($0[0].string ?? ""), $0[1].int64 ?? 0) }, uniquingKeysWith: +)
        let activity = try db.rows("SELECT node, last_ms FROM node_activity ORDER BY node")
        // Silence is judged against the newest event of every node, asked for or not, that is
        // not stamped after now: one node's clock ahead (or one forged far-future record) made
        // every other node read as silent.
        func ahead(_ last: Int64) -> Bool {
            guard let now = nowMilliseconds else { return false }
            return last > now && last - now > aheadAfterMilliseconds  // both within 1970...9999
        }
        let newest = activity.compactMap { $0[1].int64 }.filter { !ahead($0) }.max() ?? 0
        let asked = Set(filter.nodes.map { ExactText($0 == "-" ? "" : $0) })
        for r in activity {
            let name = r[0].string ?? ""
            if !asked.isEmpty && !asked.contains(ExactText(name)) { continue }
            let last = r[1].int64
            let note: String?
            if let last, ahead(last), let now = nowMilliseconds {
                note = "clock ahead: last event \((last - now) / 60_000) min after now"
            } else if last.map({ newest - $0 > silentAfterMilliseconds }) ?? true {
                note = "silent: last event \((newest - (last ?? newest)) / 60_000) min before the newest"
            } else {
                note = nil
            }
            try row("node", name.isEmpty ? "-" : name, denialsPerNode[ExactText(name)] ?? 0, last, note)
        }
        let days = plain
            ? try db.rows("SELECT day, sum(count), max(last_ms) FROM daily_totals GROUP BY day ORDER BY day")
            : summed(2).sorted { ($0[0].int64 ?? 0) < ($1[0].int64 ?? 0) }
        for r in days {
            let day = Timestamp.iso8601(milliseconds: (r[0].int64 ?? 0) * 86_400_000).prefix(10)
            try row("day", String(day), r[1].int64, r[2].int64)
        }
        // Steps of a node's clock back (stored as clock-step events, at most one a minute per
        // node): a time window over one holds events of both sides of it. Filtered by node and
        // time only; a step has no guest or kind of denial.
        var steps = SQLConditions()
        steps.addClockStepOverlap(alias: "e", since: filter.since, until: filter.until)
        steps.isIn("e.node", filter.nodes.map { $0 == "-" ? "" : $0 })
        for r in try db.rows("SELECT e.node, count(*), max(e.time_ms) FROM events e WHERE \(steps.clause) GROUP BY e.node ORDER BY e.node",
                             steps.values) {
            let name = r[0].string ?? ""
            try row("clock-steps", name.isEmpty ? "-" : name, r[1].int64, r[2].int64, "stamps repeat: windows mix both sides")
        }
        // Rows kept in full plus the errors past the cap, only counted. A malformed line has no
        // event time, node or guest a filter could select it by: every one is listed, and said so
        // rather than passed off as the window's.
        let unfiltered = plain ? nil : "all stored: a parse error has no event time, node or guest to filter by"
        for r in try db.rows("""
            SELECT reason, sum(n) FROM (
                SELECT reason, count(*) AS n FROM parse_errors GROUP BY reason
                UNION ALL SELECT reason, counted FROM parse_error_counts WHERE counted > 0) AS parse_error_reasons
            GROUP BY reason ORDER BY 2 DESC, 1
            """) {
            try row("parse-errors", r[0].string ?? "", r[1].int64, nil, unfiltered)
        }
    }
}
