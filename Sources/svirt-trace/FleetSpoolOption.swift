import ArgumentParser
import Foundation
import Native
import Store

/// `--spool` for the commands that write the fleet store (ingest, watch): the local SQLite store
/// they write first, and the one way they open it and its shipper.
struct FleetSpoolOption: ParsableArguments {
    static let discussion = """
        With a PostgreSQL --db, the command stores into a local SQLite spool with the code of \
        the embedded store, and a thread ships each changed row to the fleet store. The spool \
        is a whole SQLite store (it keeps everything until pruned, and grows like one): when PostgreSQL is \
        unreachable or refuses a batch, rows wait there (on disk, not in memory) and are \
        shipped when it takes them again, by this run or the next with the same spool. One spool per node: \
        its rows without a node of their own (sources, strings, totals) are given the \
        writer's --node, or * for a writer without one (a central log's ingest, whose role \
        needs grant-writer --all-nodes). Default: fleet-spool-NODE.db (fleet-spool.db without \
        --node; bytes other than letters, digits, '.', '_' and '-' as %XX) beside the default \
        SQLite store. Retention (prune, watch --retain) prunes the \
        spool and ships its deletions: the fleet store keeps a node's history as long as its \
        spool does.
        """

    @Option(help: ArgumentHelp("Local SQLite spool for a PostgreSQL --db (the fleet store).", discussion: discussion,
                               valueName: "path"))
    var spool: String?

    func validate() throws {
        if let spool, spool.isEmpty { throw ValidationError("--spool must not be empty") }
        if let spool, PostgresConnectionString.names(spool) {
            throw ValidationError("--spool names a local SQLite file, not a PostgreSQL database")
        }
    }

    /// The node a spool's node-less rows are given: the writer's node, or `*`.
    static func tag(node: String?) -> String { node ?? "*" }

    /// The spool's path, and whether it is the default (a folder this tool may make).
    func path(tag: String) -> (path: String, isDefault: Bool) {
        if let spool { return (spool, false) }
        // Beside the default SQLite store ($SVIRT_TRACE_DB may be the connection string itself).
        var environment = ProcessInfo.processInfo.environment
        environment["SVIRT_TRACE_DB"] = nil
        let folder = (Database.defaultPath(environment: environment) as NSString).deletingLastPathComponent
        let name = tag == "*" ? "fleet-spool.db"
            : NodeFileName.fitted("fleet-spool-\(NodeFileName.spelled(tag)).db", orHashOf: tag, prefix: "fleet-spool-", suffix: ".db")
        return ((folder as NSString).appendingPathComponent(name), true)
    }

    /// The default spool's folder is ours to make (mode 0700); a folder named with --spool is
    /// the operator's, and a missing one is reported when the spool is opened.
    func prepareDefaultFolder(tag: String) throws {
        let (path, isDefault) = self.path(tag: tag)
        guard isDefault else { return }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Opens (making it when missing) the spool for a fleet writer, with its outbox.
    func openSpool(tag: String, busyTimeoutMilliseconds: Int32) throws -> Database {
        try prepareDefaultFolder(tag: tag)
        return try FleetSpool.open(path: path(tag: tag).path, tag: tag, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Connects to the fleet store and registers the spool with it (first use).
    static func connect(fleet connection: String, spool: String, tag: String,
                        busyTimeoutMilliseconds: Int32, cleaner: FleetOutboxCleaner? = nil) throws -> FleetShipper {
        // A batch (or a reconnect) that waits that long for the server fails, and the loop tries
        // again, as after any outage; migrations are not cut.
        let fleet = try FleetDatabase(connectionString: connection, access: .readWrite,
                                      answerTimeoutSeconds: try FleetAnswerTimeout.seconds())
        let host = ProcessInfo.processInfo.hostName
        return try FleetShipper(spoolPath: spool, fleet: fleet, node: tag, host: host.isEmpty ? "-" : host,
                                busyTimeoutMilliseconds: busyTimeoutMilliseconds, cleaner: cleaner)
    }

    /// Checks made before anything is read: the flags fit the fleet store.
    func check(database: DatabaseOptions, node: String?) throws {
        do { _ = try FleetAnswerTimeout.seconds() } catch {
            Console.error("\(error)")
            throw ExitCode(SvirtTrace.Status.usage)
        }
        guard database.isFleet else {
            if spool != nil {
                Console.error("--spool is for a PostgreSQL --db (the fleet store); with an SQLite --db the store itself is written")
                throw ExitCode(SvirtTrace.Status.usage)
            }
            return
        }
        if node == "*" {
            Console.error("--node '*' is not a node name: a writer without --node is the central one (*)")
            throw ExitCode(SvirtTrace.Status.usage)
        }
    }
}
