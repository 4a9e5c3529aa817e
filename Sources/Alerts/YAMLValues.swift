import Yams

/// A YAML document as plain values (`[String: Any]`, `[Any]`, `String`, `Int`, `Double`, `Bool`),
/// built from Yams' node tree rather than `Yams.load`, for two reasons found by tools/fuzz and
/// review: `Yams.load` traps on a mapping key that is not a scalar (`{[]}`), and aliases
/// (`&a` / `*a`) let a few hundred bytes stand for billions of nodes. Here a non-scalar key is an
/// error, and the walk stops after `budget` nodes, however the document shares them.
enum YAMLValues {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func load(_ text: String, budget: Int = 100_000) throws -> Any? {
        guard let root = try Yams.compose(yaml: text) else { return nil }
        var left = budget
        return try value(of: root, left: &left)
    }

    private static func value(of node: Node, left: inout Int) throws -> Any? {
        left -= 1
        guard left >= 0 else {
            throw Failure(description: "the document expands to more than 100,000 values (aliases?); rules files are small")
        }
        switch node {
        case .scalar(let scalar):
            // Resolved by the scalar's tag, as Yams.load does (a quoted "true" stays a string).
            if node.null != nil { return nil }
            if let bool = node.bool { return bool }
            if let int = node.int { return int }
            if let float = node.float { return float }
            return scalar.string
        case .sequence(let sequence):
            var out: [Any] = []
            for item in sequence {
                if let v = try value(of: item, left: &left) { out.append(v) }
            }
            return out
        case .mapping(let mapping):
            var out: [String: Any] = [:]
            for (key, item) in mapping {
                guard case .scalar(let name) = key else {
                    throw Failure(description: "a mapping key must be a plain name, not a list or a mapping")
                }
                out[name.string] = try value(of: item, left: &left)
            }
            return out
        case .alias:
            throw Failure(description: "unresolved YAML alias")
        }
    }
}
