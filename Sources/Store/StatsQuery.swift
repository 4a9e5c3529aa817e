import Native

/// `query stats`: denials per kind, node and day, parse errors, and the last event per node so a
/// node that went silent stands out.
public struct StatsQuery: Sendable {
    public var filter: DenialFilter
    /// A node whose last event is this far behind the newest one is flagged silent.
    public var silentAfterMilliseconds: Int64 = 3_600_000

    public init(filter: DenialFilter = DenialFilter()) { self.filter = filter }

    public static let keys = ["section", "name", "count", "last_event", "note"]

    public func run(_ database: Database, row emit: (OutputRow) throws -> Void) throws {
        let db = database.connection
        let (clause, values) = filter.clause()
        func row(_ section: String, _ name: String, _ count: Int64?, _ last: Int64? = nil, _ note: String? = nil) throws {
            try emit([
                ("section", .string(section)), ("name", .string(name)), ("count", count.map { .int($0) } ?? .null),
                ("last_event", last.map { .string(Timestamp.iso8601(milliseconds: $0)) } ?? .null),
                ("note", note.map { .string($0) } ?? .null),
            ])
        }
        for r in try db.rows("SELECT d.kind, count(*), max(d.time_ms) FROM denials d WHERE \(clause) GROUP BY d.kind ORDER BY 2 DESC", values) {
            try row("kind", r[0].string ?? "", r[1].int64, r[2].int64)
        }
        // Last event per node over everything stored, not only denials: a quiet node still logs
        // lifecycle and policy events.
        let nodes = try db.rows("""
            SELECT node, sum(n), max(t) FROM (
                SELECT d.node AS node, count(*) AS n, max(d.time_ms) AS t FROM denials d WHERE \(clause) GROUP BY d.node
                UNION ALL SELECT node, 0, max(time_ms) FROM audit_events GROUP BY node)
            GROUP BY node ORDER BY node
            """, values)
        let newest = nodes.compactMap { $0[2].int64 }.max() ?? 0
        for r in nodes {
            let last = r[2].int64
            let silent = last.map { newest - $0 > silentAfterMilliseconds } ?? true
            let name = r[0].string ?? ""
            try row("node", name.isEmpty ? "-" : name, r[1].int64, last,
                    silent ? "silent: last event \((newest - (last ?? newest)) / 60_000) min before the newest" : nil)
        }
        for r in try db.rows("""
            SELECT d.time_ms / 86400000, count(*), max(d.time_ms) FROM denials d WHERE \(clause) GROUP BY 1 ORDER BY 1
            """, values) {
            let day = Timestamp.iso8601(milliseconds: (r[0].int64 ?? 0) * 86_400_000).prefix(10)
            try row("day", String(day), r[1].int64, r[2].int64)
        }
        for r in try db.rows("SELECT reason, count(*) FROM parse_errors GROUP BY reason ORDER BY 2 DESC") {
            try row("parse-errors", r[0].string ?? "", r[1].int64)
        }
    }
}
