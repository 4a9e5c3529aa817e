import Native
import Store

/// How `query evidence` and `query explain` name a stored event: `NODE:SERIAL`, or `SERIAL`
/// (with `--time` when serials repeat across nodes or restarts).
public struct EventReference: Sendable, Equatable, CustomStringConvertible {
    public var node: String?
    public var serial: Int64
    public var time: Int64?
    /// An alert's id names its event exactly: the node `-` is the log without node= (not any
    /// node), and the time is the event's own (not the closest one).
    public var isExact = false

    public init(node: String?, serial: Int64, time: Int64? = nil) {
        self.node = node
        self.serial = serial
        self.time = time
    }

    /// The node part ends at the last colon: node names may hold colons and spaces.
    public static func parse(_ text: String, time: Int64? = nil) -> EventReference? {
        if let alert = alertID(text) { return alert }
        if let colon = text.lastIndex(of: ":") {
            guard let serial = Int64(text[text.index(after: colon)...]), serial >= 0 else { return nil }
            let node = String(text[..<colon])
            return EventReference(node: node.isEmpty || node == "-" ? nil : node, serial: serial, time: time)
        }
        guard let serial = Int64(text), serial >= 0 else { return nil }
        return EventReference(node: nil, serial: serial, time: time)
    }

    /// An alert's id as watch prints it (`NODE/SECONDS.MMM:SERIAL/RULE[/...]`, the node `-`
    /// for logs without node=, `/` and `%` in it written `%2F` and `%25`): its event, at its time.
    static func alertID(_ text: String) -> EventReference? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        func digits(_ part: Substring) -> Int64? {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int64(part)
        }
        guard parts.count >= 3, !parts[0].isEmpty, parts[2].contains(where: { !$0.isWhitespace }),
              let colon = parts[1].firstIndex(of: ":"), let dot = parts[1].firstIndex(of: "."), dot < colon,
              let seconds = digits(parts[1][..<dot]),
              parts[1][parts[1].index(after: dot)..<colon].count == 3,
              let milliseconds = digits(parts[1][parts[1].index(after: dot)..<colon]),
              let serial = digits(parts[1][parts[1].index(after: colon)...]) else { return nil }
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        let (time, past) = product.addingReportingOverflow(milliseconds)
        guard !overflow, !past else { return nil }
        let node = parts[0] == "-" ? ""
            : String(parts[0]).replacingOccurrences(of: "%2F", with: "/").replacingOccurrences(of: "%25", with: "%")
        var reference = EventReference(node: node, serial: serial, time: time)
        reference.isExact = true
        return reference
    }

    public var description: String { "\(node.flatMap { $0.isEmpty ? nil : $0 + ":" } ?? "")\(serial)" }

    /// The ID of a stored event as `query denials` prints it and this type parses it back:
    /// `NODE:SERIAL`, or `SERIAL` for a log without node=.
    public static func text(node: String, serial: Int64) -> String {
        node.isEmpty ? String(serial) : "\(node):\(serial)"
    }

    /// Audit event rows matching the reference; with `--time`, the one closest to it.
    func auditEventIDs(_ database: StoreReader) throws -> [Int64] {
        var sql = "SELECT id, time_ms FROM audit_events WHERE serial = ?"
        var values: [SQLValue] = [.integer(serial)]
        if let node {
            sql += " AND node = ?"
            values.append(.text(node))
        }
        let rows = try database.connection.rows(sql + " ORDER BY time_ms, occurrence, id", values)
        guard let time else { return rows.compactMap { $0[0].int64 } }
        if isExact { return rows.first { $0[1].int64 == time }.flatMap { $0[0].int64 }.map { [$0] } ?? [] }
        let closest = rows.min { abs(($0[1].int64 ?? 0) - time) < abs(($1[1].int64 ?? 0) - time) }
        return closest.flatMap { $0[0].int64 }.map { [$0] } ?? []
    }
}
