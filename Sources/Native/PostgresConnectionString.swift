private import CPostgres
import Foundation

/// What the --db argument says about PostgreSQL, read with libpq's own parser
/// (PQconninfoParse), without asking the server.
public enum PostgresConnectionString {
    /// A `postgresql://` or `postgres://` URI, or libpq's `key=value` words whose first word is
    /// one of libpq's keywords (host=, dbname=, service=, ...). Anything else is an SQLite
    /// file's path: `run=2024.db` is a file, `host=/run/postgresql` is not.
    public static func names(_ database: String) -> Bool {
        let trimmed = database.drop(while: \.isWhitespace)
        // Any case and blanks before it: libpq refuses those, and then the string is shown as
        // a connection string (never echoed), not as a file's name holding a password.
        let lowered = trimmed.prefix(14).lowercased()
        if lowered.hasPrefix("postgresql:") || lowered.hasPrefix("postgres:") { return true }
        guard let equals = trimmed.firstIndex(of: "=") else { return false }
        let keyword = trimmed[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
        return keywords.contains(keyword)
    }

    /// Every keyword this libpq reads.
    static let keywords: Set<String> = {
        guard let defaults = PQconndefaults() else { return [] }
        defer { PQconninfoFree(defaults) }
        var words: Set<String> = []
        var option = defaults
        while let keyword = option.pointee.keyword {
            words.insert(String(cString: keyword))
            option += 1
        }
        return words
    }()

    /// The string as it may be shown: the options it sets, as key=value words, without any
    /// secret (the options libpq marks as password fields: password, sslpassword). A string
    /// libpq cannot read is not shown at all: its pieces may be a password.
    public static func redacted(_ database: String) -> String {
        switch parse(database) {
        case .options(let options):
            return options.map { "\($0.keyword)=\($0.secret ? "***" : quoted($0.value))" }.joined(separator: " ")
        case .unreadable:
            return "(a connection string libpq cannot read, not shown)"
        }
    }

    /// The string as a command to be run again may give it: its options without the secret
    /// ones, so libpq takes the password from ~/.pgpass or $PGPASSWORD. Nil when libpq cannot
    /// read it.
    public static func withoutSecrets(_ database: String) -> String? {
        guard case .options(let options) = parse(database) else { return nil }
        return options.filter { !$0.secret }.map { "\($0.keyword)=\(quoted($0.value))" }.joined(separator: " ")
    }

    /// The secret values the string holds (passwords), to scrub them from any message.
    static func secrets(_ database: String) -> [String] {
        guard case .options(let options) = parse(database) else { return [] }
        return options.filter { $0.secret && !$0.value.isEmpty }.map(\.value)
    }

    /// libpq's complaint about a string it cannot read, with every quoted piece of the string
    /// replaced: "invalid percent-encoded token: "50%off!"" names a password's characters.
    public static func problem(_ database: String) -> String? {
        guard case .unreadable(let message) = parse(database) else { return nil }
        var out = "", quoted = false
        for character in message {
            if character == "\"" {
                out.append(quoted ? "\"" : "\"…")
                quoted.toggle()
            } else if !quoted {
                out.append(character)
            }
        }
        return out.split(whereSeparator: \.isNewline).joined(separator: "; ")
    }

    struct Option {
        var keyword: String
        var value: String
        var secret: Bool
    }

    enum Parsed {
        case options([Option])
        case unreadable(String)
    }

    static func parse(_ database: String) -> Parsed {
        var error: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(database, &error) else {
            let message = error.map { String(cString: $0) } ?? "cannot be read"
            if let error { PQfreemem(error) }
            return .unreadable(message)
        }
        defer { PQconninfoFree(parsed) }
        var options: [Option] = []
        var option = parsed
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                let display = option.pointee.dispchar.map { String(cString: $0) } ?? ""
                options.append(Option(keyword: String(cString: keyword), value: String(cString: value), secret: display == "*"))
            }
            option += 1
        }
        return .options(options)
    }

    private static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "'" || $0 == "\\" }) else { return value }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
