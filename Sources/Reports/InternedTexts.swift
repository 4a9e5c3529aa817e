import Native

/// Interned texts (the strings table) by id, read in batches: a report that needs thousands of
/// them pays a few round trips to the fleet store instead of one per text.
enum InternedTexts {
    /// Ids per statement: well under SQLite's and PostgreSQL's limits on bound values.
    static let batchSize = 500

    /// The texts of `ids`; an id the table lacks has no entry.
    static func fetch(_ ids: Set<Int64>, from db: any SQLReader) throws -> [Int64: String] {
        var texts: [Int64: String] = [:]
        texts.reserveCapacity(ids.count)
        let sorted = ids.sorted()
        var start = 0
        while start < sorted.count {
            let batch = sorted[start..<min(start + batchSize, sorted.count)]
            let rows = try db.rows("SELECT id, text FROM strings WHERE id IN (\(batch.map { _ in "?" }.joined(separator: ",")))",
                                   batch.map { .integer($0) })
            for row in rows {
                if let id = row[0].int64, let text = row[1].string { texts[id] = text }
            }
            start += batchSize
        }
        return texts
    }
}
