import Native
import Store

/// The guest and node names the shell completions offer, read from the store.
///
/// Only names a shell can take as they are: bash's `compgen -W` (what argument-parser's
/// generated bash script feeds completions through) expands each word, so a guest named
/// `$(reboot)` — a name any process with CAP_AUDIT_WRITE can put in the log — would run in the
/// operator's shell on Tab. Names with any other character are left out, not escaped: the
/// operator types those, and `query guest` lists them.
public struct NameCompletionQuery: Sendable {
    public enum Subject: Sendable { case guests, nodes }

    public var subject: Subject
    public var prefix: String
    /// Enough to fill a terminal; a store with more guests than that is completed by typing more.
    public var limit: Int

    public init(subject: Subject, prefix: String, limit: Int = 500) {
        self.subject = subject
        self.prefix = prefix
        self.limit = limit
    }

    public func run(_ database: StoreReader) throws -> [String] {
        guard prefix.utf8.allSatisfy(Self.isSafeByte) else { return [] }
        switch subject {
        case .nodes:
            // `-` stands for logs without node= (stored as the empty name) in every --node option.
            let names = try candidates("SELECT node FROM node_activity WHERE node <> '' AND substr(node, 1, ?) = ?\(Self.safeIn("node")) ORDER BY node")
            let hasUnnamed = try !database.connection.rows("SELECT 1 FROM node_activity WHERE node = '' LIMIT 1").isEmpty
            return (hasUnnamed && "-".hasPrefix(prefix) ? ["-"] : []) + names
        case .guests:
            let names = try candidates("SELECT DISTINCT name FROM guests WHERE substr(name, 1, ?) = ?\(Self.safeIn("name")) ORDER BY name")
            // UUIDs only once the operator has started typing one: offered by default they would
            // double the list for nothing.
            guard names.isEmpty, !prefix.isEmpty else { return names }
            return try candidates("SELECT DISTINCT uuid FROM guests WHERE substr(uuid, 1, ?) = ?\(Self.safeIn("uuid")) ORDER BY uuid")
        }

        func candidates(_ sql: String) throws -> [String] {
            let statement = try database.connection.query(sql + " LIMIT ?")
            // substr counts characters; the prefix's character count matches SQLite's for UTF-8 text.
            try statement.bind([.integer(Int64(prefix.count)), .text(prefix), .integer(Int64(limit) * 4)])
            var found: [String] = []
            while try statement.step(), found.count < limit {
                if let name = statement.string(at: 0), Self.isShellSafe(name) { found.append(name) }
            }
            return found
        }
    }

    /// `isShellSafe` in SQL, so that unsafe names, however many, cannot fill the LIMIT and crowd
    /// the safe ones out (the Swift check still runs on what comes back).
    static func safeIn(_ column: String) -> String {
        " AND glob('[A-Za-z0-9_]*', \(column)) AND NOT glob('*[^A-Za-z0-9._+@,=-]*', \(column))"
    }

    /// Letters, digits and `. _ - + @ , =`, starting with a letter, digit or `_`: nothing bash or
    /// zsh expands, splits or globs, nothing read as an option (`-`) or as zsh's `=cmd`, and no
    /// `:`, which zsh's `_describe` reads as the start of a description.
    public static func isShellSafe(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || isAlphanumeric(first) else { return false }
        return name.utf8.allSatisfy(isSafeByte)
    }

    private static func isSafeByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || Array(".-_+@,=".utf8).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
