import Foundation
import Testing
import Native
@testable import Store
import TestSupport

/// The writer keeps the last committed evidence block it decompressed, for events read again.
/// What it gives back must always be what the store holds now.
@Suite struct RecentEvidenceBlockTests {
    static func put(_ db: Database, id: Int64, text: String) throws {
        let bytes = Array(text.utf8)
        try db.connection.run("INSERT OR REPLACE INTO evidence_blocks (id, events, length, data) VALUES (?, 1, ?, ?)",
                              [.integer(id), .integer(Int64(bytes.count)), .blob(try Zstd.compress(bytes))])
    }

    @Test func aBlockWhoseIdIsTakenAgainIsReadAfresh() throws {
        let folder = try Fixtures.temporaryFolder("recent-block")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Database(path: folder.appendingPathComponent("s.db").path, access: .readWrite)
        let store = EvidenceStore(connection: db.connection)
        var recent = RecentEvidenceBlock()
        try Self.put(db, id: 7, text: "1 AVC first\n")
        #expect(try recent.text(of: 7, in: store) == Array("1 AVC first\n".utf8))
        #expect(try recent.text(of: 7, in: store) == Array("1 AVC first\n".utf8))
        // Pruned, and its id given to a new block (SQLite reuses the highest rowid).
        try db.connection.execute("DELETE FROM evidence_blocks WHERE id = 7")
        try Self.put(db, id: 7, text: "2 AVC second, longer\n")
        #expect(try recent.text(of: 7, in: store) == Array("2 AVC second, longer\n".utf8))
        // Another block in between, then the first again.
        try Self.put(db, id: 8, text: "3 AVC third\n")
        #expect(try recent.text(of: 8, in: store) == Array("3 AVC third\n".utf8))
        #expect(try recent.text(of: 7, in: store) == Array("2 AVC second, longer\n".utf8))
    }

    @Test func aBlockDamagedAfterItWasReadIsAnError() throws {
        let folder = try Fixtures.temporaryFolder("recent-block")
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Database(path: folder.appendingPathComponent("s.db").path, access: .readWrite)
        let store = EvidenceStore(connection: db.connection)
        var recent = RecentEvidenceBlock()
        try Self.put(db, id: 3, text: "1 AVC kept\n")
        _ = try recent.text(of: 3, in: store)
        try db.connection.execute("UPDATE evidence_blocks SET data = x'00010203' WHERE id = 3")
        #expect(throws: StoreError.self) { try recent.text(of: 3, in: store) }
        try db.connection.execute("DELETE FROM evidence_blocks WHERE id = 3")
        #expect(throws: StoreError.self) { try recent.text(of: 3, in: store) }
    }
}
