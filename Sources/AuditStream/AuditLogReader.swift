import Native

/// The streaming front of the pipeline. Bytes go in, in chunks of any size; complete events and
/// counted parse issues come out.
///
/// It splits lines itself, so it knows every record's line number and byte offset, drops the
/// record types sVirt analysis never needs before auparse sees them, and groups the rest into
/// events. Each complete event goes to auparse closed by an EOE record, so auparse never holds
/// one back. Memory is bounded by the longest line and the open-event limit, not by the file.
public final class AuditLogReader {
    public struct Configuration: Sendable {
        /// Node for lines without a `node=` prefix.
        public var defaultNode: String?
        /// A longer "line" is not an audit record; it is reported and skipped.
        public var maximumLineLength: Int = 1 << 20
        /// auparse's end-of-event rule: an event is complete once the log is this far past it.
        public var eventTimeoutSeconds: Int64 = 2
        public var maximumOpenEvents: Int = 256
        /// Fields to decode; the others stay only in the raw text. Default: all.
        public var keepField: @Sendable (String) -> Bool = { _ in true }

        public init(defaultNode: String? = nil, keepField: @escaping @Sendable (String) -> Bool = { _ in true }) {
            self.defaultNode = defaultNode
            self.keepField = keepField
        }
    }

    public enum Output: Sendable, Equatable {
        case event(AuditEvent)
        case issue(ParseIssue)
    }

    public struct Statistics: Sendable, Equatable {
        public var lines = 0
        public var records = 0
        public var keptRecords = 0
        public var events = 0
        public var issues = 0
        public var bytes: Int64 = 0
    }

    public let sourceName: String
    public private(set) var statistics = Statistics()

    private let configuration: Configuration
    private let decoder: AuparseDecoder
    private var buffer: [UInt8] = []
    /// Where the scan for the next newline resumes inside `buffer`.
    private var scanFrom = 0
    /// Skipping the rest of an over-long line.
    private var discarding = false
    private var lineNumber: Int
    private var lineOffset: Int64
    /// Just past the last newline-terminated line: a partial last line is not yet read.
    private var terminatedLine: Int
    private var terminatedOffset: Int64
    private var open: [OpenEvent] = []

    /// - Parameters:
    ///   - startLine: number of lines already consumed before the first byte given (resume).
    ///   - startOffset: byte offset of the first byte given.
    public init(sourceName: String, configuration: Configuration = Configuration(),
                startLine: Int = 0, startOffset: Int64 = 0) throws {
        self.sourceName = sourceName
        self.configuration = configuration
        self.decoder = try AuparseDecoder(keepField: configuration.keepField)
        self.lineNumber = startLine
        self.lineOffset = startOffset
        self.terminatedLine = startLine
        self.terminatedOffset = startOffset
        buffer.reserveCapacity(1 << 16)
    }

    /// Where a later run can restart without losing an event: the first line of the oldest event
    /// still open, or just past the last complete line. Events between that point and the end of
    /// what was read may be read again; the store ignores an event ID it already holds.
    public var checkpoint: (offset: Int64, line: Int) {
        if let oldest = open.min(by: { $0.firstOffset < $1.firstOffset }) {
            return (oldest.firstOffset, oldest.firstLine - 1)
        }
        return (terminatedOffset, terminatedLine)
    }

    public func consume(_ chunk: some Collection<UInt8>, emit: (Output) throws -> Void) throws {
        statistics.bytes += Int64(chunk.count)
        buffer.append(contentsOf: chunk)
        var start = 0
        while let newline = nextNewline(from: scanFrom) {
            try handleLine(start..<newline, emit: emit)
            start = newline + 1
            scanFrom = start
        }
        // Keeps the buffer's capacity: one allocation for the whole run.
        if start > 0 { buffer.removeSubrange(0..<start) }
        scanFrom = buffer.count
        if !discarding, buffer.count > configuration.maximumLineLength {
            // Reported once, at the line's start; the rest of it is skipped up to its newline,
            // where handleLine counts the line.
            try report(reason: "line longer than \(configuration.maximumLineLength) bytes", bytes: buffer[...],
                       line: lineNumber + 1, offset: lineOffset, emit: emit)
            discarding = true
        }
        if discarding {
            lineOffset += Int64(buffer.count)
            buffer.removeAll(keepingCapacity: true)
            scanFrom = 0
        }
    }

    /// Completes every open event now, for a realtime reader whose log went quiet: a lone AVC
    /// must not wait for records that will never come. A partial last line stays buffered.
    public func completeOpenEvents(emit: (Output) throws -> Void) throws {
        while !open.isEmpty {
            try complete(open.removeFirst(), emit: emit)
        }
    }

    /// End of input: a last line without newline is still a line (a truncated log), and every
    /// open event is complete.
    public func finish(emit: (Output) throws -> Void) throws {
        if !buffer.isEmpty, !discarding {
            try handleLine(0..<buffer.count, emit: emit, terminated: false)
        }
        buffer.removeAll()
        scanFrom = 0
        discarding = false
        while !open.isEmpty {
            try complete(open.removeFirst(), emit: emit)
        }
    }

    private func nextNewline(from: Int) -> Int? {
        ByteSearch.firstIndex(of: 0x0A, in: buffer, from: from)
    }

    private func handleLine(_ range: Range<Int>, emit: (Output) throws -> Void, terminated: Bool = true) throws {
        lineNumber += 1
        let offset = lineOffset
        lineOffset += Int64(range.count + (terminated ? 1 : 0))
        if terminated {
            terminatedLine = lineNumber
            terminatedOffset = lineOffset
        }
        if discarding {
            discarding = false
            return
        }
        statistics.lines += 1
        if range.count > configuration.maximumLineLength {
            try report(reason: "line longer than \(configuration.maximumLineLength) bytes", bytes: buffer[range],
                       line: lineNumber, offset: offset, emit: emit)
            return
        }
        var range = range
        if range.count > 0, buffer[range.upperBound - 1] == 0x0D { range = range.lowerBound..<(range.upperBound - 1) }
        let header: RecordHeader
        switch RecordHeader.parse(buffer.span, range) {
        case .failure(let failure):
            try report(reason: failure.rawValue, bytes: buffer[range], line: lineNumber, offset: offset, emit: emit)
            return
        case .success(let parsed):
            header = parsed
        }
        statistics.records += 1
        // Most records are dropped here, before any String is made for them.
        guard let (typeName, role) = RecordType.classify(buffer.span, header.type) else { return }
        // Context records are half the log; most belong to events we do not keep, so they are
        // matched on numbers before any String is made.
        if role != .wanted, !open.contains(where: {
            $0.id.serial == header.serial && $0.id.seconds == header.seconds && $0.id.milliseconds == header.milliseconds
        }) { return }
        let node = header.node.map { String(decoding: buffer[$0], as: UTF8.self) } ?? configuration.defaultNode
        let id = AuditEventID(node: node, seconds: header.seconds, milliseconds: header.milliseconds, serial: header.serial)
        let index = open.firstIndex { $0.id == id }

        switch role {
        case .endOfEvent:
            if let index { try complete(open.remove(at: index), emit: emit) }
            return
        case .context:
            guard let index else { return }
            open[index].append(Array(buffer[range]), line: lineNumber, type: typeName)
            if typeName == "PROCTITLE" { try complete(open.remove(at: index), emit: emit) }
        case .wanted:
            try expireOpenEvents(before: header.seconds, emit: emit)
            if let index = open.firstIndex(where: { $0.id == id }) {
                open[index].append(Array(buffer[range]), line: lineNumber, type: typeName)
            } else {
                var event = OpenEvent(id: id, firstLine: lineNumber, firstOffset: offset)
                event.append(Array(buffer[range]), line: lineNumber, type: typeName)
                open.append(event)
                if open.count > configuration.maximumOpenEvents { try complete(open.removeFirst(), emit: emit) }
            }
            if RecordType.isSingleRecordEvent(typeName), let index = open.firstIndex(where: { $0.id == id }) {
                try complete(open.remove(at: index), emit: emit)
            }
        case .ignored:
            return
        }
    }

    private func expireOpenEvents(before seconds: Int64, emit: (Output) throws -> Void) throws {
        guard !open.isEmpty else { return }
        let limit = seconds - configuration.eventTimeoutSeconds
        while let index = open.firstIndex(where: { $0.id.seconds < limit }) {
            try complete(open.remove(at: index), emit: emit)
        }
    }

    private func complete(_ event: OpenEvent, emit: (Output) throws -> Void) throws {
        statistics.keptRecords += event.lines.count
        var feed: [UInt8] = []
        feed.reserveCapacity(event.lines.reduce(64) { $0 + $1.bytes.count + 1 })
        for line in event.lines {
            feed.append(contentsOf: line.bytes)
            feed.append(0x0A)
        }
        if let node = event.id.node, event.lines.first.map({ $0.bytes.starts(with: Array("node=".utf8)) }) == true {
            feed.append(contentsOf: Array("node=\(node) ".utf8))
        }
        feed.append(contentsOf: Array("type=EOE msg=audit(\(event.id.stamp)): \n".utf8))
        let decoded: [NativeEvent]
        do {
            decoded = try decoder.decode(feed) + decoder.flush()
        } catch {
            decoded = []
        }
        var records: [AuditRecord] = []
        var matched = Array(repeating: false, count: event.lines.count)
        let texts = event.lines.map { String(decoding: $0.bytes, as: UTF8.self) }
        // auparse keeps a record's text without the ENRICHED part after 0x1D.
        let comparable = event.lines.map { line -> String in
            let cut = line.bytes.firstIndex(of: 0x1D).map { line.bytes[..<$0] } ?? line.bytes[...]
            return String(decoding: cut, as: UTF8.self)
        }
        for native in decoded {
            for record in native.records where record.typeName != "EOE" {
                // auparse returns each record's text; pair it with the line it came from.
                guard let k = texts.indices.first(where: { !matched[$0] && comparable[$0] == record.text }) else { continue }
                matched[k] = true
                records.append(AuditRecord(type: event.lines[k].type, raw: texts[k], line: event.lines[k].line,
                                           fields: record.fields.map { ($0.name, $0.value) }))
            }
        }
        for k in event.lines.indices where !matched[k] {
            // Kept through the fallback splitter, and reported so the operator knows why.
            let line = event.lines[k]
            try report(reason: "libauparse rejected this \(line.type) record (a permission list over its 256-byte buffer, or a time stamp it cannot read); kept with svirt-trace's own field splitter",
                       bytes: line.bytes[...], line: line.line, offset: nil, emit: emit)
            if case .success(let header) = RecordHeader.parse(line.bytes, 0..<line.bytes.count) {
                let fields = FallbackFields.split(line: line.bytes, bodyStart: header.bodyStart, type: line.type)
                records.append(AuditRecord(type: line.type, raw: texts[k], line: line.line,
                                           fields: fields.filter { configuration.keepField($0.name) }))
            }
        }
        records.sort { $0.line < $1.line }
        guard records.contains(where: { RecordType.role(of: $0.type) == .wanted }) else { return }
        statistics.events += 1
        try emit(.event(AuditEvent(id: event.id, records: records, source: sourceName, firstLine: event.firstLine)))
    }

    private func report(reason: String, bytes: ArraySlice<UInt8>, line: Int? = nil, offset: Int64? = nil,
                        emit: (Output) throws -> Void) throws {
        statistics.issues += 1
        let issue = ParseIssue(source: sourceName, line: line ?? lineNumber, byteOffset: offset ?? lineOffset,
                               reason: reason, bytes: bytes)
        try emit(.issue(issue))
    }
}

/// An event still collecting records.
private struct OpenEvent {
    var id: AuditEventID
    var firstLine: Int
    var firstOffset: Int64
    var lines: [(bytes: [UInt8], line: Int, type: String)] = []

    init(id: AuditEventID, firstLine: Int, firstOffset: Int64) {
        self.id = id
        self.firstLine = firstLine
        self.firstOffset = firstOffset
    }

    mutating func append(_ bytes: [UInt8], line: Int, type: String) {
        lines.append((bytes, line, type))
    }
}
