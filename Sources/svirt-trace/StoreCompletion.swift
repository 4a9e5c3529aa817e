import ArgumentParser
import Config
import Foundation
import Reports
import Store

/// Guest and node names for the shell completions, read from the store the command line names:
/// its `--db`, else the config file's database (`--config`, else the default file), else the
/// default path — the same choice the command itself makes. Silent by design: a completion that
/// cannot open the store offers nothing rather than writing into the operator's prompt.
enum StoreCompletion {
    static let guests = CompletionKind.custom { words, _, prefix in names(.guests, words: words, prefix: prefix) }
    static let nodes = CompletionKind.custom { words, _, prefix in names(.nodes, words: words, prefix: prefix) }

    static func names(_ subject: NameCompletionQuery.Subject, words: [String], prefix: String) -> [String] {
        let path = databasePath(words: words)
        guard FileManager.default.isReadableFile(atPath: path),
              let database = try? Database(path: path, access: .readOnly, busyTimeoutMilliseconds: 250)
        else { return [] }
        return (try? NameCompletionQuery(subject: subject, prefix: unquoted(prefix)).run(StoreReader(database))) ?? []
    }

    static func databasePath(words: [String]) -> String {
        if let db = value(of: "--db", in: words) { return db }
        let config = value(of: "--config", in: words)
        if let loaded = try? ConfigFile.effective(explicit: config), let db = loaded.settings.database { return db }
        return Database.defaultPath()
    }

    /// The last `--name VALUE` or `--name=VALUE` before the word being completed: the shells pass
    /// the words as typed, so one level of quoting and a leading `~/` are undone here.
    static func value(of option: String, in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if word == option, index + 1 < words.count, !words[index + 1].isEmpty {
                // bash splits `--db=PATH` at the `=` (it is in COMP_WORDBREAKS): `--db`, `=`, `PATH`.
                found = words[index + 1] == "=" ? (index + 2 < words.count ? words[index + 2] : nil) : words[index + 1]
            } else if word.hasPrefix(option + "=") {
                found = String(word.dropFirst(option.count + 1))
            }
        }
        return found.map(unquoted).map { word in
            word.hasPrefix("~/") ? (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + word.dropFirst() : word
        }
    }

    private static func unquoted(_ word: String) -> String {
        guard let first = word.first, first == "'" || first == "\"" else { return word }
        var inner = word.dropFirst()
        if inner.last == first { inner = inner.dropLast() }
        return String(inner)
    }
}
