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
        var terms: [String] = []
        var values: [SQLValue] = []
        func list(_ column: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            terms.append("\(column) IN (" + items.map { _ in "?" }.joined(separator: ",") + ")")
            values += items.map { .text($0) }
        }
        list("d.kind", kinds)
        list("d.node", nodes.map { $0 == "-" ? "" : $0 })
        list("d.tclass", tclasses)
        if let since {
            terms.append("d.time_ms >= ?")
            values.append(.integer(since))
        }
        if let until {
            terms.append("d.time_ms < ?")
            values.append(.integer(until))
        }
        for perm in perms {
            terms.append("instr(' ' || d.perms || ' ', ' ' || ? || ' ') > 0")
            values.append(.text(perm))
        }
        if let permissive {
            terms.append("d.permissive = ?")
            values.append(.integer(permissive ? 1 : 0))
        }
        if let pathGlob {
            terms.append("d.path GLOB ?")
            values.append(.text(pathGlob))
        }
        if let vm {
            let sides = side.map { [$0.rawValue] } ?? Side.allCases.map(\.rawValue)
            terms.append("""
                d.id IN (SELECT p.denial_id FROM denial_parties p JOIN leases l ON l.id = p.lease_id
                         JOIN guests g ON g.id = l.guest_id
                         WHERE (g.name = ? OR g.uuid = ?) AND p.side IN (\(sides.map { _ in "?" }.joined(separator: ","))))
                """)
            values += [.text(vm), .text(vm.lowercased())] + sides.map { .text($0) }
        }
        return (terms.isEmpty ? "1" : terms.joined(separator: " AND "), values)
    }
}
