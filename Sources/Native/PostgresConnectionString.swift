/// What the --db argument says about PostgreSQL, without asking the server.
public enum PostgresConnectionString {
    /// A `postgresql://` or `postgres://` URI, or libpq's `key=value` words (the first word a
    /// lower-case keyword directly followed by `=`). Anything else is a SQLite file's path.
    public static func names(_ database: String) -> Bool {
        if database.hasPrefix("postgresql://") || database.hasPrefix("postgres://") { return true }
        let trimmed = database.drop(while: { $0 == " " })
        guard let equals = trimmed.firstIndex(of: "=") else { return false }
        let keyword = trimmed[..<equals].trimmingSuffix(" ")
        return !keyword.isEmpty && keyword.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
    }

    /// The string with any password replaced by `***`, for messages and logs.
    public static func redacted(_ database: String) -> String {
        if database.hasPrefix("postgresql://") || database.hasPrefix("postgres://") {
            var text = database
            // userinfo: scheme://user:password@host; the password ends at the last @ before the path.
            if let schemeEnd = text.range(of: "://") {
                let authorityEnd = text[schemeEnd.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" }) ?? text.endIndex
                let authority = text[schemeEnd.upperBound..<authorityEnd]
                if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                    text.replaceSubrange(text.index(after: colon)..<at, with: "***")
                }
            }
            return redactQuery(text)
        }
        return redactWords(database)
    }

    private static func redactQuery(_ uri: String) -> String {
        guard let question = uri.firstIndex(of: "?") else { return uri }
        let pairs = uri[uri.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            pair.lowercased().hasPrefix("password=") ? "password=***" : String(pair)
        }
        return String(uri[...question]) + pairs.joined(separator: "&")
    }

    /// key=value words: a value is a run of non-blanks, or quoted with '...' and backslash escapes.
    private static func redactWords(_ words: String) -> String {
        var out = ""
        var index = words.startIndex
        while index < words.endIndex {
            let c = words[index]
            if c == " " || c == "\t" || c == "\n" { out.append(c); index = words.index(after: index); continue }
            guard let equals = words[index...].firstIndex(of: "=") else { out += words[index...]; break }
            let keyword = words[index..<equals].trimmingSuffix(" ")
            out += words[index...equals]
            index = words.index(after: equals)
            while index < words.endIndex, words[index] == " " { out.append(" "); index = words.index(after: index) }
            let valueStart = index
            if index < words.endIndex, words[index] == "'" {
                index = words.index(after: index)
                while index < words.endIndex, words[index] != "'" {
                    if words[index] == "\\" { index = words.index(after: index); if index == words.endIndex { break } }
                    index = words.index(after: index)
                }
                if index < words.endIndex { index = words.index(after: index) }
            } else {
                while index < words.endIndex, !" \t\n".contains(words[index]) { index = words.index(after: index) }
            }
            out += keyword == "password" ? "***" : String(words[valueStart..<index])
        }
        return out
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ character: Character) -> Substring {
        var text = self
        while text.last == character { text = text.dropLast() }
        return text
    }
}
