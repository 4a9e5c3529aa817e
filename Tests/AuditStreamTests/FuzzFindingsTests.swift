import Foundation
import Testing
@testable import AuditStream
import TestSupport

/// Inputs tools/fuzz found (Tests/Fixtures/fuzz/), minimised. Bad input is data: a parse error for
/// the record, the rest kept; never a trap later on.
@Suite struct FuzzFindingsTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz/\(name)")))
    }

    /// fuzz-record-header: 18446744073709551 seconds fit in Int64, but AuditEventID.timeMilliseconds
    /// (seconds * 1000) overflows and traps (issue 9, item 1).
    @Test func aTimeWhoseMillisecondsOverflowIsAParseError() throws {
        let line = try Self.fixture("record-header-time-overflow.txt")
        if case .success(let header) = RecordHeader.parse(line, 0..<line.count) {
            Issue.record("accepted \(header.seconds) seconds, whose milliseconds overflow Int64")
        }
    }

    /// fuzz-audit-reader: the reader emitted an event with that time, which trapped where its time
    /// was used (sorting, correlation, storage). The record is reported, the next one kept.
    @Test func theReaderReportsTheOverflowingRecordAndKeepsTheNext() throws {
        let bytes = try Self.fixture("audit-reader-time-overflow.log")
        let reader = try AuditLogReader(sourceName: "fuzz")
        var serials: [Int64] = []
        var issueLines: [Int] = []
        let collect: (AuditLogReader.Output) -> Void = { output in
            switch output {
            case .event(let event): serials.append(event.id.serial)
            case .issue(let issue): issueLines.append(issue.line)
            }
        }
        try reader.consume(bytes, emit: collect)
        try reader.finish(emit: collect)
        #expect(serials == [10], "only the well-formed USER_AVC is an event")
        #expect(issueLines == [1], "the record with the overflowing time is a parse issue")
    }

    /// fuzz-audit-reader's statistics check: a line over the length limit was counted in
    /// `statistics.lines` (the `lines` of ingest's summary) when it came in one read, and not when
    /// the limit was passed before its newline arrived, as it always is for a line over 1 MiB.
    @Test func anOverLongLineIsCountedHoweverItIsCut() throws {
        var configuration = AuditLogReader.Configuration()
        configuration.maximumLineLength = 1024
        let bytes = Array(repeating: UInt8(ascii: "A"), count: 1500) + [0x0A]
        func statistics(chunk: Int) throws -> AuditLogReader.Statistics {
            let reader = try AuditLogReader(sourceName: "fuzz", configuration: configuration)
            var at = 0
            while at < bytes.count {
                try reader.consume(bytes[at..<min(bytes.count, at + chunk)]) { _ in }
                at += chunk
            }
            try reader.finish { _ in }
            return reader.statistics
        }
        let whole = try statistics(chunk: bytes.count)
        let cut = try statistics(chunk: 200)
        #expect(whole.lines == 1)
        #expect(cut == whole)
    }

    /// fuzz-audit-reader (a leak): a node name holding the ENRICHED separator 0x1D made libauparse
    /// leak 1,152 bytes per event (allocated under auparse_feed -> auparse_next_event, never
    /// freed, not even by auparse_destroy; libauparse 3.0.9). `watch` runs for months, and every
    /// such event costs memory it never gets back. Run as an exit test so that the heap it
    /// measures is this test's alone. Exit codes: 2 setup failed, 3 the heap grew.
    @Test func aNodeNameHoldingTheGroupSeparatorLeaksNothing() async {
        #if os(Linux)
        await #expect(processExitsWith: .success) {
            let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz/audit-reader-group-separator-in-node.log")
            guard let line = FileManager.default.contents(atPath: url.path).map(Array.init),
                  let reader = try? AuditLogReader(sourceName: "fuzz") else { exit(2) }
            // Each line a separate event, completed as `watch` does when the log goes quiet.
            func feed(_ times: Int) {
                for _ in 0..<times {
                    try? reader.consume(line) { _ in }
                    try? reader.completeOpenEvents { _ in }
                }
            }
            /// Resident bytes, from the second field of /proc/self/statm (pages).
            func resident() -> Int {
                let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
                let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
                return pages * 4096
            }
            feed(500)
            let before = resident()
            feed(5000)
            let after = resident()
            // 5,000 events x 1,152 bytes is 5.8 MB; a reader that keeps nothing stays far below 2 MB.
            guard before > 0, after > 0 else { exit(2) }
            if after > before + (2 << 20) { exit(3) }
        }
        #endif
    }
}
