import AuditStream

/// The text of an evidence block: one line per raw record, `LINE TYPE RAW`. Raw records never hold
/// a newline (the reader splits on them), and neither the line number nor the type holds a space.
public enum EvidenceFormat {
    public struct Record: Equatable, Sendable {
        public var line: Int64?
        public var type: String
        public var raw: String
    }

    static func append(_ record: AuditRecord, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(record.line).utf8)
        buffer.append(UInt8(ascii: " "))
        for byte in record.type.utf8 {
            buffer.append(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") ? UInt8(ascii: "_") : byte)
        }
        buffer.append(UInt8(ascii: " "))
        // The reader splits lines on newlines, so a record holds none.
        buffer.append(contentsOf: record.raw.utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    /// The records of one event's byte range; a damaged range yields what parses.
    public static func records(_ bytes: ArraySlice<UInt8>) -> [Record] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap { line in
            let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            return Record(line: Int64(String(decoding: parts[0], as: UTF8.self)),
                          type: String(decoding: parts[1], as: UTF8.self),
                          raw: String(decoding: parts[2], as: UTF8.self))
        }
    }
}

extension EvidenceFormat {
    /// One event's records out of a decompressed block; an out-of-range location yields none.
    static func slice(_ block: [UInt8], offset: Int64, length: Int64) -> [Record] {
        checkedSlice(block, offset: offset, length: length) ?? []
    }

    /// One event's records, or nil when the location cannot be one event's records: outside the
    /// block, empty (a stored event has at least one record), not on whole lines, or holding a
    /// line that is not `LINE TYPE RAW`. A damaged location must not pass for an event without
    /// records, nor show a neighbour's bytes cut in the middle.
    static func checkedSlice(_ block: [UInt8], offset: Int64, length: Int64) -> [Record]? {
        guard offset >= 0, length > 0, offset <= Int64(block.count), length <= Int64(block.count) - offset else { return nil }
        let start = Int(offset)
        let end = Int(offset + length)
        let newline = UInt8(ascii: "\n")
        guard start == 0 || block[start - 1] == newline, block[end - 1] == newline else { return nil }
        let lines = block[start..<end].split(separator: newline, omittingEmptySubsequences: true)
        let parsed = records(block[start..<end])
        guard parsed.count == lines.count, parsed.allSatisfy({ $0.line != nil }) else { return nil }
        return parsed
    }
}
