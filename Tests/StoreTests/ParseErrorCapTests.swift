import Foundation
import Testing
import AuditStream
import Native
@testable import Store
import TestSupport
import Formatting
@testable import Reports

/// Parse errors past `ParseErrorLimit.keptPerSourceAndReason` per source and reason are counted,
/// not kept, and every report still gives exact totals, across resumed runs too.
@Suite struct ParseErrorCapTests {
    static let cap = ParseErrorLimit.keptPerSourceAndReason

    struct Fixture {
        var database: Database
        var writer: IngestWriter
        var source: SourceCheckpoint
        var identity: SourceIdentity
    }

    static func fixture() throws -> Fixture {
        let path = try Fixtures.temporaryFolder("cap").appendingPathComponent("c.db").path
        let database = try Database(path: path, access: .readWrite)
        let writer = try IngestWriter(database: database)
        let identity = SourceIdentity(head: Array("junk\n".utf8))
        try writer.begin()
        let source = try writer.source(for: identity, path: "junk.log")
        try writer.commit()
        return Fixture(database: database, writer: writer, source: source, identity: identity)
    }

    static func issue(_ line: Int, _ reason: String = "not an audit record") -> ParseIssue {
        ParseIssue(source: "junk.log", line: line, byteOffset: Int64(line) * 10, reason: reason, text: "junk \(line)")
    }

    /// Stores lines `lines` as errors in batches, each committed with its checkpoint, as ingest does.
    static func read(_ lines: ClosedRange<Int>, into f: Fixture, checkpointAt last: Int? = nil, reason: String = "not an audit record") throws {
        let end = last ?? lines.upperBound
        try f.writer.begin()
        for line in lines {
            try f.writer.store(issue: issue(line, reason), sourceID: f.source.id)
            if line % 700 == 0 && line <= end {
                try f.writer.saveCheckpoint(sourceID: f.source.id, identity: f.identity, offset: Int64(line) * 10, line: line,
                                            path: "junk.log", eventTimeMilliseconds: nil)
                try f.writer.commit()
                try f.writer.begin()
            }
        }
        try f.writer.saveCheckpoint(sourceID: f.source.id, identity: f.identity, offset: Int64(end) * 10, line: end,
                                    path: "junk.log", eventTimeMilliseconds: nil)
        try f.writer.commit()
    }

    static func rows(_ f: Fixture, _ reason: String = "not an audit record") throws -> Int64 {
        try f.database.connection.rows("SELECT count(*) FROM parse_errors WHERE reason = ?", [.text(reason)]).first?.first?.int64 ?? -1
    }

    static func stats(_ f: Fixture) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        try StatsQuery().run(StoreReader(f.database)) { row in
            guard case .string("parse-errors")? = row.first?.value, case .string(let name) = row[1].value,
                  case .int(let count) = row[2].value else { return }
            out[name] = count
        }
        return out
    }

    /// `query stats --since` listed every stored parse error as if it were the window's (helper-76).
    @Test func aFilteredStatsSaysItsParseErrorsAreAllStored() throws {
        let f = try Self.fixture()
        try Self.read(1...3, into: f)
        func notes(_ filter: DenialFilter) throws -> [OutputValue] {
            var out: [OutputValue] = []
            try StatsQuery(filter: filter).run(StoreReader(f.database)) { row in
                guard case .string("parse-errors")? = row.first?.value else { return }
                out.append(row[4].value)
            }
            return out
        }
        #expect(try notes(DenialFilter()) == [.null])
        var since = DenialFilter()
        since.since = 1_764_000_000_000
        let said = try notes(since)
        #expect(said.count == 1)
        guard case .string(let note)? = said.first else { Issue.record("no note: \(said)"); return }
        #expect(note.hasPrefix("all stored"), "\(note)")
    }

    @Test func fiveThousandMalformedLinesKeepAThousandRowsAndCountFiveThousand() throws {
        let f = try Self.fixture()
        try Self.read(1...5000, into: f)
        #expect(try Self.rows(f) == Int64(Self.cap))
        #expect(try Self.stats(f)["not an audit record"] == 5000)
        let kept = try f.database.connection.rows("SELECT min(line), max(line), count(DISTINCT text) FROM parse_errors")
        #expect(kept.first?.map(\.int64) == [1, Int64(Self.cap), Int64(Self.cap)], "the first ones, in full")
        // Another reason in the same source has its own thousand.
        try Self.read(5001...5010, into: f, reason: "empty line")
        #expect(try Self.rows(f, "empty line") == 10)
        #expect(try Self.stats(f) == ["not an audit record": 5000, "empty line": 10])
    }

    @Test func aResumedRunThatReadsTheTailAgainCountsItOnce() throws {
        let f = try Self.fixture()
        // The checkpoint stops short of the last lines (an event still open, a half-written
        // line): the next run reads 4900... again, and its reader forgets their errors first.
        try Self.read(1...5000, into: f, checkpointAt: 4899)
        #expect(try Self.stats(f)["not an audit record"] == 5000)
        try f.writer.begin()
        try f.writer.forgetParseErrors(sourceID: f.source.id, after: 4899)
        try f.writer.commit()
        #expect(try Self.stats(f)["not an audit record"] == 4899)
        try Self.read(4900...6000, into: f)
        #expect(try Self.stats(f)["not an audit record"] == 6000)
        #expect(try Self.rows(f) == Int64(Self.cap))
        // A file shorter than its checkpoint is read whole again: its errors are judged anew,
        // then its checkpoint starts over (as IngestSession does).
        try f.writer.begin()
        try f.writer.forgetParseErrors(sourceID: f.source.id, after: 0)
        try f.writer.resetCheckpoint(sourceID: f.source.id)
        try f.writer.commit()
        try Self.read(1...3000, into: f)
        #expect(try Self.stats(f)["not an audit record"] == 3000)
        #expect(try Self.rows(f) == Int64(Self.cap))
    }

    @Test func problemsOutsideAnySourceAreCappedToo() throws {
        let f = try Self.fixture()
        try f.writer.begin()
        for i in 0..<(2 * Self.cap + 500) {
            try f.writer.store(issue: ParseIssue(source: "/run/libvirt/qemu", line: 0, byteOffset: -1,
                                                 reason: "status file \(i % 2)", text: ""), sourceID: nil)
        }
        try f.writer.commit()
        #expect(try Self.rows(f, "status file 0") == Int64(Self.cap))
        #expect(try Self.rows(f, "status file 1") == Int64(Self.cap))
        #expect(try Self.stats(f) == ["status file 0": Int64(Self.cap + 250), "status file 1": Int64(Self.cap + 250)])
    }
}
