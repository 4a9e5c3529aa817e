import ArgumentParser
import Foundation
import Native
import Store

/// `--config`, `--db` and the lock timeout, shared by every subcommand that opens the store.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Config file (YAML; see svirt-trace config check). Command-line flags override it.",
        discussion: "Default: $SVIRT_TRACE_CONFIG (which must exist), else /etc/svirt-trace/svirt-trace.conf when present; /dev/null for none.",
        valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "SQLite database path, or a PostgreSQL connection string for the fleet store.",
        discussion: "A postgresql:// URI or libpq key=value words name the fleet store (ingest, watch, query, digest, prune and fleet; see svirt-trace fleet --help). Default: the config file's database, else $SVIRT_TRACE_DB, else /var/lib/svirt-trace/svirt-trace.db for root, else ~/.local/state/svirt-trace/svirt-trace.db.",
        valueName: "path|connection"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("How long to wait for another writer's lock, in seconds.", valueName: "seconds"))
    var lockTimeout: Double = 10

    var path: String {
        if let given = db ?? LoadedConfig.settings.database { return given }
        // The user's state folder, for a user other than root.
        if geteuid() != 0, (ProcessInfo.processInfo.environment["SVIRT_TRACE_DB"] ?? "").isEmpty {
            SvirtTrace.requireUTF8(environment: "HOME")
        }
        return Database.defaultPath()
    }

    /// The default location's folder is ours to make (mode 0700); a folder named with --db is the
    /// operator's, and a missing one is reported instead.
    func prepareDefaultFolder() throws {
        guard db == nil, LoadedConfig.settings.database == nil else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    /// The store is the fleet store: a PostgreSQL connection string, not a file name.
    var isFleet: Bool { PostgresConnectionString.names(path) }

    /// The store as messages and suggested commands name it: a fleet store by its connection's
    /// words without the password.
    var shownPath: String { Self.shown(path) }

    static func shown(_ path: String) -> String {
        PostgresConnectionString.names(path) ? PostgresConnectionString.withoutSecrets(path) ?? PostgresConnectionString.redacted(path) : path
    }

    var busyTimeoutMilliseconds: Int32 { Int32(max(0, min(lockTimeout, 3600)) * 1000) }

    func validate() throws {
        // Loaded here, before the command's own validation and run, so both see it.
        try LoadedConfig.load(explicit: config)
        if let db, db.isEmpty { throw ValidationError("--db must not be empty") }
        if isFleet {
            // Kept under the connection's words without the password (never written to the file).
            Checkpoint.use(fleet: shownPath)
        } else {
            Checkpoint.use(database: path)
        }
        guard lockTimeout >= 0 else { throw ValidationError("--lock-timeout must be zero or more") }
    }
}
