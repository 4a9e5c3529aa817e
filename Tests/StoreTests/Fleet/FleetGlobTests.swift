import Testing
import Native
@testable import Store
import TestSupport

/// `query denials --path GLOB` on the fleet store: schema/postgresql/003's glob() matches what
/// SQLite's glob() matches, for every pattern, value by value; a pattern is never an error.
@Suite struct FleetGlobTests {
    static let patterns = [
        "*", "?", "", "a*", "*a", "/var/lib/*", "*.qcow2", "[a-c]*", "[^a-c]*", "[]]", "[]a]*", "[^]]*", "[]-a]",
        "[a-c-e]", "[z-a]", "[a-]", "[-a]", "[a-\\]", "[\\]", "\\*", "a\\b", "[[]", "[^]", "[", "a[b", "[!a]", "^a",
        "a$", "a.b", "(a)", "a+", "{a}", "a|b", "[é-ü]", "é*", "*😀*", "[😀]", "*\n*", "[a-c-]", "[^-]", "[.]",
        "[A-Za-z0-9_]*", "*[^A-Za-z0-9._+@,=-]*", "[a-cx-z]", "[c-a-e]", "[---]", "[]-]", "[ ]", "a b", "*[*]*",
    ]
    static let values = [
        "", "a", "b", "e", "d", "z", "-", "]", "[", "^", "\\", "_", "`", "/var/lib/x.qcow2", "ab", "a\\b", "a.b", "axb",
        "é", "ö", "ÿ", "😀", "x😀y", "a\nb", "(a)", "a+", "{a}", "a|b", "a$", "*", "?", "!", "a b", "A", "Z", "0", ".",
        "x.qcow2", "[a]",
    ]

    @Test func globMatchesAsSQLiteDoesForEveryPatternAndValue() throws {
        let server = try TestPostgresServer()
        let (name, admin) = try server.makeDatabase()
        defer { server.dropDatabase(name) }
        _ = try FleetDatabase(connectionString: admin, access: .readWrite)
        let fleet = try PostgresConnection(connection: admin)
        let sqlite = try SQLiteDatabase(path: ":memory:", mode: .readWriteCreate)
        var differ: [String] = []
        for pattern in Self.patterns {
            for value in Self.values {
                let expected = try sqlite.rows("SELECT glob(?, ?)", [.text(pattern), .text(value)])[0][0].int64 == 1
                let got: Bool
                do {
                    got = try fleet.rows("SELECT svirt_trace_read.glob($1, $2)", [.text(pattern), .text(value)])[0][0].int64 == 1
                } catch {
                    differ.append("\(pattern.debugDescription) on \(value.debugDescription): \(error)")
                    continue
                }
                if got != expected { differ.append("\(pattern.debugDescription) on \(value.debugDescription): SQLite \(expected), fleet \(got)") }
            }
        }
        #expect(differ.isEmpty, "\(differ.joined(separator: "\n"))")
    }
}
