import Testing
import AuditStream
import Guests
@testable import Ingest
@testable import Store

/// Where watch starts reading a source another writer read further (see JudgedPositions).
@Suite struct JudgedPositionsTests {
    static let mark = EventPosition(timeMilliseconds: 1_764_000_430_704, serial: 10_176)

    static func positions(read: [Int64: SourceCheckpoint] = [:]) -> JudgedPositions {
        JudgedPositions(stored: [NodeName.key("hv01"): mark], read: read)
    }

    static let shared = SourceCheckpoint(id: 5, byteOffset: 3_000_000, line: 9_000)

    @Test func itsOwnPositionWhenAnotherWriterReadFurther() {
        let own = SourceCheckpoint(id: 5, byteOffset: 1_000, line: 3)
        #expect(Self.positions(read: [5: own]).start(for: Self.shared, first: nil, node: "hv01") == own)
        let ahead = SourceCheckpoint(id: 5, byteOffset: 4_000_000, line: 9_500)
        #expect(Self.positions(read: [5: ahead]).start(for: Self.shared, first: nil, node: "hv01") == Self.shared)
    }

    /// helper-80: a copy that began in the millisecond of the last event judged was skipped whole
    /// (18 of 147 alerts missing).
    @Test(arguments: [0, -30_000, 5_000])
    func aCopyNeverReadThatBeginsAboutTheMarkIsReadFromItsStart(offset: Int64) {
        let first = LogHead(node: "hv01", timeMilliseconds: Self.mark.timeMilliseconds + offset)
        #expect(Self.positions().start(for: Self.shared, first: first, node: "hv01") == SourceCheckpoint(id: 5, byteOffset: 0, line: 0))
    }

    @Test func historyAndOtherNodesKeepTheSharedCheckpoint() {
        let old = LogHead(node: "hv01", timeMilliseconds: Self.mark.timeMilliseconds - 3_600_000)
        #expect(Self.positions().start(for: Self.shared, first: old, node: "hv01") == Self.shared)
        let other = LogHead(node: "hv02", timeMilliseconds: Self.mark.timeMilliseconds + 1)
        #expect(Self.positions().start(for: Self.shared, first: other, node: "hv02") == Self.shared, "a node never judged")
    }

    /// A crafted row's line count near Int.max trapped the reader at its next line (helper-80).
    @Test func aStoredCheckpointBeyondAnyFileStartsOver() {
        #expect(SourceCheckpoint(id: 1, storedOffset: 0, storedLine: 9_223_372_036_854_775_806) == SourceCheckpoint(id: 1, byteOffset: 0, line: 0))
        #expect(SourceCheckpoint(id: 1, storedOffset: -5, storedLine: 2) == SourceCheckpoint(id: 1, byteOffset: 0, line: 0))
        #expect(SourceCheckpoint(id: 1, storedOffset: 500, storedLine: 7) == SourceCheckpoint(id: 1, byteOffset: 500, line: 7))
    }
}
