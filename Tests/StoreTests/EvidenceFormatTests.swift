import Testing
import AuditStream
@testable import Store

/// An event's records spell their lines as steps after the first; every event's range must still
/// read back on its own, with the lines it was stored with.
@Suite struct EvidenceFormatTests {
    static func record(_ line: Int, _ type: String = "AVC") -> AuditRecord {
        AuditRecord(type: type, raw: "type=\(type) msg=audit(1.000:\(line)): x=\(line)", line: line, fields: [])
    }

    /// Appends events as the block writer does and returns the block with each event's range.
    static func block(_ events: [[AuditRecord]]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for event in events {
            let start = bytes.count
            var previous: Int?
            for record in event {
                EvidenceFormat.append(record, after: previous, to: &bytes)
                previous = record.line
            }
            ranges.append(start..<bytes.count)
        }
        return (bytes, ranges)
    }

    @Test func everyEventReadsBackWithItsLinesFromItsOwnRange() {
        let events = [
            [Self.record(9), Self.record(10, "SYSCALL"), Self.record(11, "PROCTITLE")],
            [Self.record(36), Self.record(40, "SYSCALL"), Self.record(41, "PATH")],
            // A joined event whose second piece came from a rotated file starts its lines again.
            [Self.record(900), Self.record(2, "SYSCALL"), Self.record(3, "PATH")],
            [Self.record(5), Self.record(5, "SYSCALL")],
        ]
        let (bytes, ranges) = Self.block(events)
        for (event, range) in zip(events, ranges) {
            let read = EvidenceFormat.checkedSlice(bytes, offset: Int64(range.lowerBound), length: Int64(range.count))
            #expect(read?.map(\.line) == event.map { Int64($0.line) })
            #expect(read?.map(\.raw) == event.map(\.raw))
            #expect(read?.map(\.type) == event.map(\.type))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("9 AVC "))
        #expect(text.contains("\n~ SYSCALL "))
        #expect(text.contains("\n~4 SYSCALL "))
        #expect(text.contains("\n2 SYSCALL "))
    }

    @Test func aStepWithNothingBeforeItOrNoNumberIsDamageNotALine() {
        #expect(EvidenceFormat.checkedSlice(Array("~ AVC x\n".utf8), offset: 0, length: 8) == nil)
        #expect(EvidenceFormat.checkedSlice(Array("4 AVC x\n~x SYSCALL y\n".utf8), offset: 0, length: 21) == nil)
        #expect(EvidenceFormat.checkedSlice(Array("4 AVC x\n~-2 SYSCALL y\n".utf8), offset: 0, length: 22) == nil)
        #expect(EvidenceFormat.checkedSlice(Array("9223372036854775807 AVC x\n~ SYSCALL y\n".utf8),
                                            offset: 0, length: 38) == nil)
    }

    /// An event a rotation split, stored under its first piece's source: the records read from
    /// the next file name it, and keep their own lines.
    @Test func recordsOfAnotherSourceNameItAndKeepTheirLines() throws {
        let records = [Self.record(900), Self.record(901, "CWD"), Self.record(2, "SYSCALL"), Self.record(3, "PATH"),
                       Self.record(4, "PROCTITLE")]
        let sources: [Int64?] = [nil, nil, 7, 7, 7]
        var bytes: [UInt8] = []
        var previous: (line: Int, source: Int64?)?
        for (record, source) in zip(records, sources) {
            EvidenceFormat.append(record, after: previous?.line, source: source, previousSource: previous?.source, to: &bytes)
            previous = (record.line, source)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\n~ CWD "))
        #expect(text.contains("\n2@7 SYSCALL "), "the first record of another source is absolute: \(text)")
        #expect(text.contains("\n~@7 PATH "))
        let read = try #require(EvidenceFormat.checkedSlice(bytes, offset: 0, length: Int64(bytes.count)))
        #expect(read.map(\.line) == [900, 901, 2, 3, 4])
        #expect(read.map(\.sourceID) == sources)
        #expect(read.map(\.raw) == records.map(\.raw))

        // Back to the event's own source after another: absolute again.
        var back: [UInt8] = []
        EvidenceFormat.append(Self.record(2), after: nil, source: 7, previousSource: nil, to: &back)
        EvidenceFormat.append(Self.record(950, "PROCTITLE"), after: 2, source: nil, previousSource: 7, to: &back)
        #expect(String(decoding: back, as: UTF8.self).contains("\n950 PROCTITLE "))
        #expect(EvidenceFormat.checkedSlice(back, offset: 0, length: Int64(back.count))?.map(\.sourceID) == [7, nil])
    }

    @Test func aSourceThatDoesNotParseOrAStepAcrossSourcesIsDamage() {
        for text in ["4@ AVC x\n", "4@x AVC x\n", "4@-3 AVC x\n", "4@0 AVC x\n", "4@3@3 AVC x\n",
                     "4 AVC x\n~@3 SYSCALL y\n", "4@3 AVC x\n~ SYSCALL y\n", "4@3 AVC x\n~@5 SYSCALL y\n"] {
            let bytes = Array(text.utf8)
            #expect(EvidenceFormat.checkedSlice(bytes, offset: 0, length: Int64(bytes.count)) == nil, "\(text)")
        }
        let fine = Array("4@3 AVC x\n~@3 SYSCALL y\n".utf8)
        #expect(EvidenceFormat.checkedSlice(fine, offset: 0, length: Int64(fine.count))?.map(\.line) == [4, 5])
    }

    @Test func aBlockWrittenWithAbsoluteLinesReadsAsBefore() {
        let bytes = Array("4 AVC a\n5 SYSCALL b\n".utf8)
        #expect(EvidenceFormat.checkedSlice(bytes, offset: 0, length: Int64(bytes.count))?.map(\.line) == [4, 5])
    }
}
