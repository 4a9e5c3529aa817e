import ArgumentParser
import Foundation
import Formatting
import Synchronization

/// ausearch's checkpoint for the store: `--save-checkpoint` records where a query's window ended
/// (its --until, else now), and `--since checkpoint` starts the next run there, so a cron job or
/// an operator reads each denial once. Kept per user and per database, in the user's state folder
/// ($XDG_STATE_HOME/svirt-trace/checkpoints, else ~/.local/state/svirt-trace/checkpoints; one
/// line `MILLISECONDS<TAB>DATABASE` per database) rather than in the store: queries open the
/// store read-only (another user, read-only media, a running ingest's lock), and must stay so.
enum Checkpoint {
    /// The database this command opens, set when its options are validated (DatabaseOptions
    /// comes first in every command), so that `checkpoint` reads as a time word anywhere.
    private static let database = Mutex<String?>(nil)

    static func use(database path: String) {
        database.withLock { $0 = key(path) }
    }

    /// A fleet store's checkpoints are kept under its connection string as given (no password).
    static func use(fleet connection: String) {
        database.withLock { $0 = connection }
    }

    static var file: String {
        let env = ProcessInfo.processInfo.environment
        if let state = env["XDG_STATE_HOME"], state.hasPrefix("/") {
            SvirtTrace.requireUTF8(environment: "XDG_STATE_HOME")
            return state + "/svirt-trace/checkpoints"
        }
        SvirtTrace.requireUTF8(environment: "HOME")
        let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/svirt-trace/checkpoints"
    }

    /// The database's absolute path with links resolved: `--db ./x.db` and `--db /abs/x.db` share one.
    static func key(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// The saved time for this command's database, or why there is none.
    static func saved() -> (Int64?, missing: String) {
        guard let db = database.withLock({ $0 }) else { return (nil, "this command opens no database") }
        let missing = "no checkpoint saved for \(db) in \(file) (run a query with --save-checkpoint first)"
        return (entries()[db], missing)
    }

    private static func entries() -> [String: Int64] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [:] }
        var result: [String: Int64] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let ms = Int64(parts[0]), TimeExpression.range.contains(ms) else { continue }
            result[String(parts[1])] = ms
        }
        return result
    }

    /// Records `milliseconds` for this command's database: written to a temporary file and renamed
    /// over the old one, so a concurrent run reads the old or the new file, never half of one.
    static func save(_ milliseconds: Int64) throws {
        guard let db = database.withLock({ $0 }) else { return }
        guard !db.contains("\n"), !db.contains("\t") else {
            throw ValidationError("cannot save a checkpoint for a database whose path holds a tab or a newline")
        }
        var all = entries()
        all[db] = milliseconds
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let text = all.sorted { $0.key < $1.key }.map { "\($0.value)\t\($0.key)\n" }.joined()
        let temporary = file + ".\(getpid()).tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, file) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(file): \(reason)"])
        }
    }
}
