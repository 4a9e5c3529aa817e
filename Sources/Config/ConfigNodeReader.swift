import Formatting
import Native
import Yams

/// Typed reads of Yams nodes that keep the line of every value, so that a wrong type says where.
/// Values are read from the composed node tree (never `Yams.load`, which traps on a mapping key
/// that is not a scalar); anchors and aliases were refused when the file was composed
/// (ConfigYAML), and merge keys are refused here, as a config file has no use for them.
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
            if name == "<<" { throw failure(key, "merge keys (<<) are not allowed in a config file: write the keys out") }
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
    /// No value has a use for a control character: a newline in digest.from would add a mail
    /// header, one in a command or URL another line, an escape sequence would reach the terminal
    /// of whoever runs config check. Bidirectional overrides would make a path read otherwise.
    func string(_ node: Node, _ name: String) throws -> String {
        guard case .scalar(let scalar) = node, node.null == nil, node.bool == nil, node.int == nil, node.float == nil else {
            throw failure(node, "`\(name)` must be a string\(Self.found(node))")
        }
        guard !scalar.string.isEmpty else { throw failure(node, "`\(name)` must not be empty") }
        if let bad = scalar.string.unicodeScalars.first(where: Self.isForbidden) {
            let code = String(bad.value, radix: 16, uppercase: true)
            throw failure(node, "`\(name)` contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code); no value may hold one")
        }
        return scalar.string
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators (a line break to many
    /// readers), and the bidirectional marks and overrides.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return HiddenCharacters.isBidiControl(scalar.value)
        }
    }

    /// An absolute path: watch runs as a service, whose working folder is /, so a relative path
    /// would name a different file there than where the operator tried it; `~` is not expanded.
    func path(_ node: Node, _ name: String) throws -> String {
        let text = try string(node, name)
        guard text.hasPrefix("/") else {
            throw failure(node, "`\(name)` must be an absolute path (starting with /), not \"\(text)\"\(text.hasPrefix("~") ? " (~ is not expanded)" : "")")
        }
        return text
    }

    /// The store: an absolute path, or a PostgreSQL connection string (the fleet store), which is
    /// kept as written. A value that is neither is not echoed: it may be a mistyped connection
    /// string holding a password.
    func database(_ node: Node, _ name: String) throws -> String {
        let text = try string(node, name)
        if PostgresConnectionString.names(text) { return text }
        guard text.hasPrefix("/") else {
            throw failure(node, "`\(name)` must be an absolute path (starting with /) or a PostgreSQL connection string (postgresql://... or key=value words); the value is not shown, as it may hold a password")
        }
        return text
    }

    /// A command run through /bin/sh: its program must be an absolute path, so what runs does
    /// not depend on the service's PATH.
    func command(_ node: Node, _ name: String) throws -> String {
        let text = try string(node, name)
        let program = text.split(whereSeparator: { $0 == " " }).first.map(String.init) ?? ""
        guard program.hasPrefix("/") else {
            throw failure(node, "`\(name)` must start with the absolute path of the program (/usr/local/bin/...), not \"\(program)\"\(program.hasPrefix("~") ? " (~ is not expanded)" : "")")
        }
        return text
    }

    /// An SELinux type (`virt_launcher_t`) or a whole AppArmor profile (`/usr/sbin/libvirtd`): one
    /// word, not a context (only the type of a context is compared).
    func sender(_ node: Node, _ name: String) throws -> String {
        let text = try string(node, name)
        guard !text.isEmpty, !text.contains(":"), !text.contains(where: \.isWhitespace) else {
            throw failure(node, "`\(name)` lists SELinux types (virt_launcher_t) or AppArmor profiles (/usr/sbin/libvirtd), one word each, not \"\(text)\"")
        }
        return text
    }

    /// One string or a list of them, each read by `read` (which names its own line).
    func strings(_ node: Node, _ name: String, _ read: ((Node, String) throws -> String)? = nil) throws -> [String] {
        let read = read ?? string
        if case .sequence(let sequence) = node {
            return try sequence.map { item in
                guard case .scalar = item else { throw failure(item, "`\(name)` must be a string or a list of strings\(Self.found(item))") }
                return try read(item, name)
            }
        }
        guard case .scalar = node else { throw failure(node, "`\(name)` must be a string or a list of strings\(Self.found(node))") }
        return [try read(node, name)]
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
