import AuditStream

/// The text of an evidence block: one line per raw record, `LINE TYPE RAW`. Raw records never hold
/// a newline (the reader splits on them), and neither the line number nor the type holds a space.
///
/// Within one event, a record whose line follows the record before it spells its line as a step,
/// `~` for the next line and `~N` for N lines on: absolute line numbers were a sixth of a
/// compressed block, and steps compress to almost nothing. The first record of an event is always
/// absolute, so an event's byte range reads on its own. Blocks written before hold absolute lines
/// only and read the same; a binary that predates steps finds no number in `~` and reports the
/// block damaged rather than showing a wrong line.
///
/// An event a rotation split is stored whole in its first piece's place, and the records read
/// from another source than the event's carry that source's id after their line, `LINE@SOURCE`
/// (schema 010): without it, `query evidence` showed the second file's lines under the first
/// file's name. A record from another source than the one before it is never a step.
public enum EvidenceFormat {
    public struct Record: Equatable, Sendable {
        public var line: Int64?
        public var type: String
        public var raw: String
        /// The source the record was read from when it is not its event's (sources.id, as the
        /// store that wrote the block numbers them); nil for its event's own.
        public var sourceID: Int64?

        public init(line: Int64?, type: String, raw: String, sourceID: Int64? = nil) {
            self.line = line
            self.type = type
            self.raw = raw
            self.sourceID = sourceID
        }
    }

    /// `previousLine` is the line of the event's record before this one, nil for its first;
    /// `source` the record's source when it is not the event's, and `previousSource` the one
    /// before's.
    static func append(_ record: AuditRecord, after previousLine: Int?, source: Int64? = nil, previousSource: Int64? = nil,
                       to buffer: inout [UInt8]) {
        if let previousLine, record.line > previousLine, source == previousSource {
            buffer.append(UInt8(ascii: "~"))
            let step = record.line - previousLine
            if step != 1 { buffer.append(contentsOf: String(step).utf8) }
        } else {
            buffer.append(contentsOf: String(record.line).utf8)
        }
        if let source {
            buffer.append(UInt8(ascii: "@"))
            buffer.append(contentsOf: String(source).utf8)
        }
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
        var previousLine: Int64?
        var previousSource: Int64?
        return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap { line in
            let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            var token = parts[0]
            var source: Int64?
            if let at = token.firstIndex(of: UInt8(ascii: "@")) {
                // A source that does not parse leaves the line unparsed too: the record is damage.
                source = number(token[token.index(after: at)...])
                token = source == nil ? token[...] : token[..<at]
            }
            // A step across sources is never written: read as one, it is damage.
            let number = source == previousSource || token.first != UInt8(ascii: "~")
                ? lineNumber(token, after: previousLine) : nil
            previousLine = number
            previousSource = source
            return Record(line: number,
                          type: String(decoding: parts[1], as: UTF8.self),
                          raw: String(decoding: parts[2], as: UTF8.self),
                          sourceID: source)
        }
    }

    /// Digits alone, above zero (Int64 would take a sign too).
    private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let parsed = Int64(String(decoding: digits, as: UTF8.self)), parsed > 0 else { return nil }
        return parsed
    }

    /// An absolute line, or a step from the record before; nil when neither parses, or when a step
    /// has nothing to step from (a range that starts inside an event).
    private static func lineNumber(_ text: ArraySlice<UInt8>, after previousLine: Int64?) -> Int64? {
        guard text.first == UInt8(ascii: "~") else { return Int64(String(decoding: text, as: UTF8.self)) }
        guard let previousLine else { return nil }
        let digits = text.dropFirst()
        guard let step = digits.isEmpty ? 1 : number(digits) else { return nil }
        let (sum, overflow) = previousLine.addingReportingOverflow(step)
        return overflow ? nil : sum
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
