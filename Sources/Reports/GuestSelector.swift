import Native

/// A guest named on the command line, possibly on several nodes, and every lease it ever held.
/// The spellings: a name (also an earlier name of the guest), a UUID with or without dashes in
/// any case, or `NODE/NAME` (and `NODE/UUID`; `-/NAME` for logs without node=). libvirt refuses
/// '/' in a domain name, yet a log can claim one: a name with a slash the store holds is that name.
public struct GuestSelector: Sendable {
    public var text: String
    public var nodes: [String]

    public init(_ text: String, nodes: [String] = []) {
        self.text = text
        self.nodes = nodes
    }

    public struct Guest: Sendable, Equatable {
        public var id: Int64
        public var node: String
        public var uuid: String
        public var name: String
    }

    public typealias Spelling = (node: String?, key: String, isUUID: Bool)

    /// What `text` names: the node it was given with, and the name or canonical UUID.
    public var spelled: Spelling {
        var node: String?
        var rest = Substring(text)
        if let slash = rest.firstIndex(of: "/"), slash != rest.startIndex, rest.index(after: slash) != rest.endIndex {
            node = String(rest[..<slash])
            rest = rest[rest.index(after: slash)...]
        }
        if let uuid = Self.canonicalUUID(String(rest)) { return (node, uuid, true) }
        return (node, String(rest), false)
    }

    /// `0f3a...` in libvirt's form (lowercase, 8-4-4-4-12) from 32 hex digits with or without
    /// those dashes, in any case; nil for anything else.
    public static func canonicalUUID(_ text: String) -> String? {
        let utf8 = Array(text.utf8)
        let dashed = utf8.count == 36
        guard utf8.count == 32 || dashed else { return nil }
        var hex: [UInt8] = []
        for (i, byte) in utf8.enumerated() {
            if dashed && (i == 8 || i == 13 || i == 18 || i == 23) {
                guard byte == 0x2D else { return nil }
                continue
            }
            switch byte {
            case 0x30...0x39, 0x61...0x66: hex.append(byte)
            case 0x41...0x46: hex.append(byte + 0x20)
            default: return nil
            }
        }
        for at in [8, 13, 18, 23] { hex.insert(0x2D, at: at) }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The nodes to look in: `NODE/` and --node together (none in common: nowhere).
    public var effectiveNodes: [String]? { nodes(for: spelled) }

    private func nodes(for spelling: Spelling) -> [String]? {
        guard let node = spelling.node else { return nodes }
        if nodes.isEmpty || nodes.contains(where: { ExactText($0) == ExactText(node) }) { return [node] }
        return nil
    }

    public func guests(_ db: any SQLReader) throws -> [Guest] {
        try match(db).guests
    }

    /// The guests and the spelling that found them: `text` whole first when it holds a slash
    /// (a name a log claimed), then as NODE/NAME.
    private func match(_ db: any SQLReader) throws -> (spelling: Spelling, guests: [Guest]) {
        let split = spelled
        if split.node != nil {
            let whole: Spelling = (nil, text, false)
            let found = try guests(db, whole)
            if !found.isEmpty { return (whole, found) }
        }
        return (split, try guests(db, split))
    }

    private func guests(_ db: any SQLReader, _ spelling: Spelling) throws -> [Guest] {
        guard let nodes = nodes(for: spelling) else { return [] }
        let (_, key, isUUID) = spelling
        func onNodes(_ column: String) -> (String, [SQLValue]) {
            guard !nodes.isEmpty else { return ("", []) }
            return (" AND \(column) IN (" + nodes.map { _ in "?" }.joined(separator: ",") + ")",
                    nodes.map { .text($0 == "-" ? "" : $0) })
        }
        var sql = "SELECT id, node, uuid, name FROM guests WHERE " + (isUUID ? "uuid = ?" : "name = ?")
        var values: [SQLValue] = [.text(key)]
        let (guestNodes, guestValues) = onNodes("node")
        sql += guestNodes
        values += guestValues
        if !isUUID {
            // A name can also have been a guest's earlier name: leases keep the name of each lifetime.
            sql += " UNION SELECT g.id, g.node, g.uuid, g.name FROM leases l JOIN guests g ON g.id = l.guest_id WHERE l.name = ?"
            values.append(.text(key))
            let (leaseNodes, leaseValues) = onNodes("g.node")
            sql += leaseNodes
            values += leaseValues
        }
        return try db.rows(sql + " ORDER BY 2, 4, 3, 1", values).map {
            Guest(id: $0[0].int64 ?? 0, node: $0[1].string ?? "", uuid: $0[2].string ?? "", name: $0[3].string ?? "")
        }
    }

    /// The guests `text` names, or GuestNotFound with the close names the store knows.
    public func resolve(_ db: any SQLReader) throws -> [Guest] {
        let found = try guests(db)
        guard found.isEmpty else { return found }
        throw GuestNotFound(text: text, nodes: effectiveNodes ?? nodes, suggestions: try suggestions(db))
    }

    /// What a name or UUID filter (`--vm`) should match once `text` is resolved: the name, or the
    /// canonical UUID, and the nodes (with `NODE/NAME`'s node).
    public func filterTerms(_ db: any SQLReader) throws -> (vm: String, nodes: [String]) {
        let (spelling, found) = try match(db)
        guard !found.isEmpty else { _ = try resolve(db); return (text, nodes) }
        return (spelling.key, self.nodes(for: spelling) ?? nodes)
    }

    /// Up to three names the store knows within a few edits of the one given (any case), the
    /// closest only; `NODE/NAME` when it was spelled so. None for a UUID: a near miss of one is no hint.
    public func suggestions(_ db: any SQLReader) throws -> [String] {
        let (node, key, isUUID) = spelled
        guard !isUUID, !key.isEmpty else { return [] }
        // Ordered, so that both stores offer the same names; compared by bytes below, as the
        // stores compare names (two spellings of one, NFC and NFD, are two guests).
        let rows = try db.rows("SELECT node, name FROM guests UNION SELECT node, name FROM leases ORDER BY 1, 2")
        let wanted = Array(key.lowercased().unicodeScalars)
        let limit = min(3, max(1, wanted.count / 3))
        var scored: [(distance: Int, text: String)] = []
        var seen: Set<ExactText> = []
        for row in rows {
            let rowNode = row[0].string ?? "", name = row[1].string ?? ""
            // Without NODE/ in the text, only the --node filter restricts; with it, any node may hold the right name.
            if node == nil, !nodes.isEmpty, !nodes.contains(where: { ExactText($0) == ExactText(rowNode.isEmpty ? "-" : rowNode) }) { continue }
            let shown = node == nil ? name : (rowNode.isEmpty ? "-" : rowNode) + "/" + name
            guard !seen.contains(ExactText(shown)) else { continue }
            let candidate = Array(name.lowercased().unicodeScalars)
            guard abs(candidate.count - wanted.count) <= limit else { continue }
            let distance = Self.editDistance(wanted, candidate)
            // A name on another node is a near miss even when the name itself is exact.
            if distance <= limit && ExactText(shown) != ExactText(text) {
                seen.insert(ExactText(shown))
                scored.append((distance, shown))
            }
        }
        // Only the closest: "WEB-1" hints web-1, not also web-2 one edit further.
        guard let best = scored.map(\.distance).min() else { return [] }
        return scored.filter { $0.distance == best }.map(\.text).sorted(by: ExactText.byBytes).prefix(3).map { $0 }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbours ("wbe-1" is one edit from "web-1") each cost one.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    public func leaseIDs(_ db: any SQLReader, guests: [Guest]) throws -> [Int64] {
        guard !guests.isEmpty else { return [] }
        return try db.rows("SELECT id FROM leases WHERE guest_id IN (" + guests.map { _ in "?" }.joined(separator: ",") + ")",
                           guests.map { .integer($0.id) }).compactMap { $0[0].int64 }
    }
}
