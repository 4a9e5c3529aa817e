import ArgumentParser
import Store

/// `--read-only-media` for the commands that only read the store (query, digest), and the one
/// way they open it.
struct ReadOnlyMediaOption: ParsableArguments {
    static let discussion = """
        A store on read-only media (a forensic copy, a read-only mount or a folder this user may \
        not write) is opened with SQLite's immutable flag: no lock and no -shm file are needed. \
        This happens by itself when the database's folder is not writable and holds no -shm \
        file; --read-only-media forces it. An immutable open does not read a -wal file beside \
        the database: transactions not yet checkpointed into it are missing (a warning says how \
        many bytes), and the file must not change while the command runs.
        """

    @Flag(help: ArgumentHelp("Open the database immutable (no lock, no -shm file), as on read-only media.",
                             discussion: discussion))
    var readOnlyMedia = false

    /// A $SVIRT_TRACE_FLEET_TIMEOUT that is no number of seconds is a usage error, whatever the
    /// store, as a bad $SVIRT_TRACE_NOW is: found before anything is opened.
    func validate() throws {
        _ = try FleetAnswerTimeout.seconds()
    }

    /// Opens the store read-only and tells the operator what an immutable open cannot see. A
    /// PostgreSQL --db opens the fleet store, as its reader (the flag has no meaning there).
    func open(_ database: DatabaseOptions) throws -> StoreReader {
        if database.isFleet {
            return try StoreReader(FleetDatabase(connectionString: database.path, access: .readOnly,
                                                 answerTimeoutSeconds: try FleetAnswerTimeout.seconds()))
        }
        let db = try Database(path: database.path, access: .readOnly,
                              busyTimeoutMilliseconds: database.busyTimeoutMilliseconds, readOnlyMedia: readOnlyMedia)
        for warning in db.warnings { Console.error("warning: \(warning)") }
        return StoreReader(db)
    }
}
