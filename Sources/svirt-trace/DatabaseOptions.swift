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
        discussion: "A postgresql:// URI or libpq key=value words name the fleet store (ingest, watch, query, digest and fleet; see svirt-trace fleet --help). Default: the config file's database, else $SVIRT_TRACE_DB, else /var/lib/svirt-trace/svirt-trace.db for root, else ~/.local/state/svirt-trace/svirt-trace.db.",
        valueName: "path|connection"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("How long to wait for another writer's lock, in seconds.", valueName: "seconds"))
    var lockTimeout: Double = 10

    var path: String { db ?? LoadedConfig.settings.database ?? Database.defaultPath() }

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

    /// ingest and watch write the fleet store, query and digest read it; prune does not prune it
    /// yet. Told from the command line: this group is validated before the command itself.
    static var commandTakesFleet: Bool {
        guard let command = CommandLine.arguments.dropFirst().first else { return false }
        return ["ingest", "watch", "query", "digest"].contains(command)
    }

    var busyTimeoutMilliseconds: Int32 { Int32(max(0, min(lockTimeout, 3600)) * 1000) }

    func validate() throws {
        // Loaded here, before the command's own validation and run, so both see it.
        try LoadedConfig.load(explicit: config)
        if let db, db.isEmpty { throw ValidationError("--db must not be empty") }
        // Without this, a connection string would be taken for a file name (and created).
        if isFleet, !Self.commandTakesFleet {
            throw ValidationError("""
                \(db != nil ? "--db" : LoadedConfig.settings.database != nil ? "the config file's database" : "$SVIRT_TRACE_DB") \(PostgresConnectionString.redacted(path)) names a PostgreSQL \
                database: prune does not prune the fleet store yet (ingest, watch, query, digest and `svirt-trace fleet` take it); \
                give it an SQLite path
                """)
        }
        if isFleet {
            // Kept under the connection's words without the password (never written to the file).
            Checkpoint.use(fleet: PostgresConnectionString.withoutSecrets(path) ?? PostgresConnectionString.redacted(path))
        } else {
            Checkpoint.use(database: path)
        }
        guard lockTimeout >= 0 else { throw ValidationError("--lock-timeout must be zero or more") }
    }
}
