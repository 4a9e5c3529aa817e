import Native

/// The filters `query denials` (and the reports built on denials) accept, turned into SQL with
/// bound values only: no log- or user-controlled text is ever spliced into a statement.
public struct DenialFilter: Sendable {
    public enum Side: String, Sendable, CaseIterable { case source, target }

    public var kinds: [String] = []
    public var since: Int64?
    public var until: Int64?
    public var nodes: [String] = []
    /// Guest name or UUID.
    public var vm: String?
    public var side: Side?
    public var tclasses: [String] = []
    public var perms: [String] = []
    public var permissive: Bool?
    public var pathGlob: String?

    public init() {}

    /// A WHERE clause over `denials AS d` and its bound values.
    public func clause() -> (sql: String, values: [SQLValue]) {
        var c = SQLConditions()
        c.isIn("d.kind", kinds)
        // With a time window the time index is the narrower path; `+` keeps SQLite from
        // walking every event of the node instead.
        c.isIn(since != nil || until != nil ? "+d.node" : "d.node", nodes.map { $0 == "-" ? "" : $0 })
        c.isIn("d.tclass", tclasses)
        c.addTimeWindow(alias: "d", since: since, until: until, indexed: vm == nil)
        for perm in perms { c.add("instr(' ' || d.perms || ' ', ' ' || ? || ' ') > 0", .text(perm)) }
        if let permissive { c.add("d.permissive = ?", .integer(permissive ? 1 : 0)) }
        if let pathGlob { c.add("glob(?, d.path)", .text(pathGlob)) }
        if let vm {
            let sides = side.map { [$0.rawValue] } ?? Side.allCases.map(\.rawValue)
            c.add("""
                d.run_id IN (SELECT p.run_id FROM run_parties p JOIN leases l ON l.id = p.lease_id
                         JOIN guests g ON g.id = l.guest_id
                         WHERE (g.name = ? OR g.uuid = ?) AND p.side IN (\(sides.map { _ in "?" }.joined(separator: ","))))
                """, values: [.text(vm), .text(vm.lowercased())] + sides.map { .text($0) })
        }
        return (c.clause, c.values)
    }
}
