/// An event still collecting records, or one the reader completed without its closing record and
/// keeps in case the rest of it arrives (a provisional event).
struct OpenEvent {
    struct Line {
        /// Exactly as logged: the evidence.
        var raw: [UInt8]
        /// The single-spaced spelling auparse is fed, when the logged line is indented or has
        /// doubled spaces in its header.
        var canonical: [UInt8]?
        var line: Int
        /// The line's first byte in its source: where a problem found later (auparse's refusal
        /// of the whole event) is reported, not where the reader stands by then.
        var offset: Int64 = -1
        var type: String
        /// What auparse is fed for a context record: the line without the fields nothing reads
        /// (UnreadFields). Not counted in `size`, so the per-event limits stay those of the log.
        var stripped: [UInt8]? = nil
        /// Its type is one sVirt analysis wants (RecordRole.wanted), not context: an event is
        /// emitted only when it holds such a record.
        var isWanted: Bool
        /// Where the stamp stands in `fed`, when the line is one whose stamp a repeat may differ
        /// in without auparse reading it differently (RepeatedEventCache); nil otherwise.
        var stampRange: Range<Int>? = nil
        /// Ended by a newline; false for a last line read at the end of the input, which a
        /// writer may still be writing.
        var terminated = true

        var fed: [UInt8] { stripped ?? canonical ?? raw }
        var size: Int { raw.count + (canonical?.count ?? 0) }
    }

    /// Records past the per-event limits: counted, reported once, not kept.
    struct Dropped {
        var records = 0
        var bytes: Int64 = 0
        var firstLine = 0
        var firstOffset: Int64 = 0
        var sample: ArraySlice<UInt8> = []
    }

    var id: AuditEventID
    var firstLine: Int
    var firstOffset: Int64
    var lines: [Line] = []
    /// Bytes held by `lines`.
    var bytes = 0
    var dropped = Dropped()
    /// Dropped records already reported when the event was emitted before (provisionally).
    var reportedDrops = 0
    /// Read from ausearch output, which prints an event's records last first ("lifo for
    /// everything", ausearch-report.c): they are put back in logged order.
    var printedLastFirst = false

    init(id: AuditEventID, firstLine: Int, firstOffset: Int64) {
        self.id = id
        self.firstLine = firstLine
        self.firstOffset = firstOffset
    }

    /// Keeps the line unless the event already holds `maximumRecords` records or the line would
    /// take it past `maximumBytes`; then the line is counted as dropped.
    /// - Returns: the bytes now held in addition.
    mutating func append(_ line: Line, offset: Int64, maximumRecords: Int, maximumBytes: Int) -> Int {
        guard lines.count < maximumRecords, bytes + line.size <= maximumBytes else {
            if dropped.records == 0 {
                dropped.firstLine = line.line
                dropped.firstOffset = offset
                dropped.sample = line.raw.prefix(ParseIssue.maximumTextLength)
            }
            dropped.records += 1
            dropped.bytes += Int64(line.raw.count)
            return 0
        }
        lines.append(line)
        bytes += line.size
        return line.size
    }
}
