import Testing
import Native
import Store

@Suite struct ReadShareTests {
    /// Every id, negative ones too, falls in exactly one share of any split.
    @Test(arguments: [1, 2, 3, 4])
    func everyIdFallsInExactlyOneShare(count: Int) throws {
        let db = try SQLiteDatabase(path: ":memory:", mode: .readWriteCreate)
        try db.execute("CREATE TABLE t (id INTEGER); WITH RECURSIVE n(i) AS (SELECT -7 UNION ALL SELECT i + 1 FROM n WHERE i < 30) INSERT INTO t SELECT i FROM n")
        var seen: [Int64] = []
        for index in 0..<count {
            let share = ReadShare(index: index, count: count)
            seen += try db.rows("SELECT id FROM t WHERE \(share.holds("id"))").compactMap { $0[0].int64 }
        }
        #expect(seen.sorted() == Array(-7...30))
        if count > 1 {
            #expect(try db.rows("SELECT count(*) FROM t WHERE \(ReadShare(index: 0, count: count).holds("id"))").first?.first?.int64 ?? 0 < 38)
        }
    }
}
