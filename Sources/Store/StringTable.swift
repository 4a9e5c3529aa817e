import Native

/// Interns the strings that repeat across denials (contexts, paths, exe, comm, guest names and
/// uuids) so that a run row holds small integers. Ids are cached for the open transaction's
/// writer; the cache is dropped on rollback (the ids may be gone) and when another writer
/// committed (a prune may have removed strings).
///
/// A small table is read whole into the cache: a string missing from it is then new, and its row
/// goes in on the connection's write thread without the lookup that would first wait for that
/// thread to finish (a flood of distinct paths made a lookup per run).
final class StringTable {
    private let find: SQLiteStatement
    private let insert: SQLiteStatement
    private let everyRow: SQLiteStatement
    private let newIDs: RowIDCounter
    private let connection: SQLiteDatabase
    /// Keyed by the exact bytes: two paths that differ only in Unicode normalization (Swift's
    /// String equality would call them equal) are different strings on disk.
    private var ids: [ExactText: Int64] = [:]
    /// True while `ids` holds every row of the table.
    private var complete = false
    /// Whether this cache generation tried to read the table whole (once: a table too large for
    /// it stays too large).
    private var loadTried = false
    /// Bounds memory on a log of endless distinct paths; a miss costs one indexed lookup.
    private let cacheLimit = 100_000
    /// Tables up to this many rows are read whole.
    private let loadLimit: Int64 = 50_000

    init(connection: SQLiteDatabase) throws {
        self.connection = connection
        find = try connection.prepare("SELECT id FROM strings WHERE text = ?")
        insert = try connection.prepare("INSERT INTO strings(id, text) VALUES (?, ?)")
        everyRow = try connection.prepare("SELECT id, text FROM strings")
        newIDs = try RowIDCounter(connection: connection, table: "strings")
    }

    func id(_ text: String) throws -> Int64 {
        let key = ExactText(text)
        if let id = ids[key] { return id }
        if !complete, !loadTried {
            loadTried = true
            try loadIfSmall()
            if let id = ids[key] { return id }
        }
        let id: Int64
        if !complete, let found = try lookUp(text) {
            id = found
        } else {
            id = try newIDs.take()
            connection.runDeferred(insert, [.integer(id), .text(text)])
        }
        if ids.count >= cacheLimit {
            ids.removeAll(keepingCapacity: true)
            complete = false
        }
        ids[key] = id
        return id
    }

    func value(_ text: String?) throws -> SQLValue {
        guard let text else { return .null }
        return .integer(try id(text))
    }

    private func lookUp(_ text: String) throws -> Int64? {
        try find.bind([.text(text)])
        defer { try? find.bind([]) }
        return try find.step() ? find.int64(at: 0) : nil
    }

    private func loadIfSmall() throws {
        // Ids are never above the row count by much (SQLite takes one past the highest), so the
        // highest id bounds what a load costs.
        guard try newIDs.highestNow() <= loadLimit else { return }
        ids.removeAll(keepingCapacity: true)
        while try everyRow.step() {
            guard let id = everyRow.int64(at: 0), let text = everyRow.string(at: 1) else { continue }
            ids[ExactText(text)] = id
        }
        try everyRow.bind([])
        complete = true
    }

    func transactionEnded() { newIDs.reset() }

    func forget() {
        ids.removeAll()
        complete = false
        loadTried = false
        newIDs.reset()
    }
}
