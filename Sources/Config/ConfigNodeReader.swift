import Yams

/// Typed reads of Yams nodes that keep the line of every value, so that a wrong type says where.
/// Values are read from the composed node tree (never `Yams.load`, which traps on a mapping key
/// that is not a scalar); aliases are refused, as a config file has no use for them.
struct ConfigNodeReader {
    let file: String

    struct Key {
        var name: String
        var node: Node
    }

    func failure(_ node: Node, _ reason: String) -> ConfigFile.Failure {
        ConfigFile.Failure(file: file, line: node.mark?.line, reason: reason)
    }

    /// The entries of a mapping in file order, each key one of `keys`, none twice.
    func mapping(_ node: Node, _ what: String, keys: [String]) throws -> [(Key, Node)] {
        guard case .mapping(let mapping) = node else {
            throw failure(node, "\(what) must be a mapping of keys (one of \(keys.joined(separator: ", ")))")
        }
        var seen: Set<String> = []
        var out: [(Key, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { throw failure(key, "a key must be a plain name, not a list or a mapping") }
            let name = scalar.string
            guard keys.contains(name) else {
                throw failure(key, "unknown key `\(name)` in \(what) (one of \(keys.joined(separator: ", ")))")
            }
            guard seen.insert(name).inserted else { throw failure(key, "the key `\(name)` is given twice") }
            if case .alias = value { throw failure(value, "`\(name)`: aliases are not allowed") }
            out.append((Key(name: name, node: key), value))
        }
        return out
    }

    /// A plain string: a number, true/false or an empty value is a mistake (quote it if meant).
    func string(_ node: Node, _ name: String) throws -> String {
        guard case .scalar(let scalar) = node, node.null == nil, node.bool == nil, node.int == nil, node.float == nil else {
            throw failure(node, "`\(name)` must be a string\(Self.found(node))")
        }
        guard !scalar.string.isEmpty else { throw failure(node, "`\(name)` must not be empty") }
        return scalar.string
    }

    func path(_ node: Node, _ name: String) throws -> String {
        let text = try string(node, name)
        guard !text.contains("\0"), !text.contains(where: \.isNewline) else { throw failure(node, "`\(name)` must be a path on one line") }
        return text
    }

    /// One string or a list of them.
    func strings(_ node: Node, _ name: String) throws -> [String] {
        if case .sequence(let sequence) = node {
            return try sequence.map { item in
                guard case .scalar = item else { throw failure(item, "`\(name)` must be a string or a list of strings\(Self.found(item))") }
                return try string(item, name)
            }
        }
        guard case .scalar = node else { throw failure(node, "`\(name)` must be a string or a list of strings\(Self.found(node))") }
        return [try string(node, name)]
    }

    func bool(_ node: Node, _ name: String) throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw failure(node, "`\(name)` must be true or false\(Self.found(node))") }
        return value
    }

    func number(_ node: Node, _ name: String) throws -> Double {
        guard case .scalar = node, node.bool == nil else { throw failure(node, "`\(name)` must be a number\(Self.found(node))") }
        if let int = node.int { return Double(int) }
        guard let value = node.float else { throw failure(node, "`\(name)` must be a number\(Self.found(node))") }
        return value
    }

    static func found(_ node: Node) -> String {
        switch node {
        case .mapping: return ", not a mapping"
        case .sequence: return ", not a list"
        case .alias: return ", not an alias"
        case .scalar(let scalar):
            if node.null != nil { return ", not an empty value" }
            if node.bool != nil { return ", not the boolean \(scalar.string)" }
            if node.int != nil || node.float != nil { return ", not the number \(scalar.string)" }
            return ", not \"\(scalar.string)\""
        }
    }
}
