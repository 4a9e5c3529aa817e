import Native

/// Interns the strings that repeat across denials (contexts, paths, exe, comm, guest names and
/// uuids) so that a run row holds small integers. Ids are cached for the open transaction's
/// writer; the cache is dropped on rollback (the ids may be gone) and when another writer
/// committed (a prune may have removed strings).
final class StringTable {
    private let find: SQLiteStatement
    private let insert: SQLiteStatement
    private let connection: SQLiteDatabase
    private var ids: [String: Int64] = [:]
    /// Bounds memory on a log of endless distinct paths; a miss costs one indexed lookup.
    private let cacheLimit = 100_000

    init(connection: SQLiteDatabase) throws {
        self.connection = connection
        find = try connection.prepare("SELECT id FROM strings WHERE text = ?")
        insert = try connection.prepare("INSERT INTO strings(text) VALUES (?)")
    }

    func id(_ text: String) throws -> Int64 {
        if let id = ids[text] { return id }
        try find.bind([.text(text)])
        let id: Int64
        if try find.step(), let found = find.int64(at: 0) {
            id = found
            try find.bind([])
        } else {
            try find.bind([])
            try insert.run([.text(text)])
            id = connection.lastInsertRowID
        }
        if ids.count >= cacheLimit { ids.removeAll(keepingCapacity: true) }
        ids[text] = id
        return id
    }

    func value(_ text: String?) throws -> SQLValue {
        guard let text else { return .null }
        return .integer(try id(text))
    }

    func forget() { ids.removeAll() }
}
