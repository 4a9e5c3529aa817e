import Native

/// The streaming front of the pipeline. Bytes go in, in chunks of any size; complete events and
/// counted parse issues come out.
///
/// It splits lines itself, so it knows every record's line number and byte offset, drops the
/// record types sVirt analysis never needs before auparse sees them, and groups the rest into
/// events. Each complete event goes to auparse closed by an EOE record, so auparse never holds
/// one back. Memory is bounded by the longest line and the limits on open events (their number,
/// records and bytes each, and bytes altogether), not by the file.
///
/// An event completed only because input ended or the log went quiet, without the record that
/// closes it (PROCTITLE, EOE, a record type that is a whole event), is provisional: it is emitted,
/// kept, and the checkpoint stays at its first line. When more of its records arrive it is
/// emitted again with all of them, and the store replaces the earlier version. A later run reads
/// it again whole from the checkpoint. Records 2 s of event time later make it final.
public final class AuditLogReader {
    public struct Configuration: Sendable {
        /// Node for lines without a `node=` prefix.
        public var defaultNode: String?
        /// A longer "line" is not an audit record; it is reported and skipped.
        public var maximumLineLength: Int = 1 << 20
        /// auparse's end-of-event rule: an event is complete once the log is this far past it.
        public var eventTimeoutSeconds: Int64 = 2
        public var maximumOpenEvents: Int = 256
        /// Records kept per event; the kernel writes a few, a crafted log may write 100,000s.
        public var maximumRecordsPerEvent: Int = 512
        /// Bytes kept per event.
        public var maximumEventBytes: Int = 1 << 20
        /// Provisional events kept in case their remaining records arrive.
        public var maximumProvisionalEvents: Int = 256
        /// Bytes held in open and provisional events together. Past it, provisional events are
        /// made final first, then the oldest open events are completed early.
        public var maximumHeldBytes: Int = 16 << 20
        /// Fields to decode; the others stay only in the raw text. Default: all.
        public var keepField: @Sendable (String) -> Bool = { _ in true }
        /// Repeats of a recent event take their fields from RepeatedEventCache instead of auparse.
        /// Off only in tests that compare both paths.
        var decodesRepeatsFromCache = true

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
        /// `----` and `time->...` lines of ausearch output: skipped, not errors.
        public var separators = 0

        public init() {}
    }

    public let sourceName: String
    public private(set) var statistics = Statistics()

    private let configuration: Configuration
    private let decoder: AuparseDecoder
    /// `configuration.keepField`, remembered per name: which tokens of a context record auparse sees.
    private let fieldFilter: FieldNameFilter
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
    /// At most `maximumOpenEvents`: searched linearly, on numbers first.
    private var open: [OpenEvent] = []
    /// At most `maximumProvisionalEvents`, oldest first.
    private var provisional: [OpenEvent] = []
    /// Bytes held by `open` and `provisional`.
    private var heldBytes = 0
    /// Set once the input shows itself as ausearch's formatted output: a `----` line followed by
    /// a `time->` line or by a record with a date stamp (a `----` alone may be prose in a mail).
    /// Whole events stand between separators, each printed last record first.
    private var separatedBlocks = false
    /// The previous line was `----`.
    private var afterSeparator = false
    /// In ausearch output, the context records read before the current block's wanted record.
    private var block: OpenEvent?
    /// The bytes of the event being handed to auparse, kept for the next one.
    private var feedBuffer: [UInt8] = []
    /// The event's stamp as its EOE record spells it, kept for the next one.
    private var stampBuffer: [UInt8] = []
    /// What auparse made of recent distinct events, for floods of repeats.
    private(set) var repeatedEvents = RepeatedEventCache()
    /// Records left of the top of a source read from its start or resumed: a rotation may have cut
    /// the rest of the previous file's last event there, behind a few records of events written
    /// meanwhile (auditd interleaves concurrent events' records); a resume starts at the line the
    /// end of an earlier input cut, whose event was stored with the cut copy (helper-84).
    private var headRecordsLeft: Int
    static let headRecords = 64
    /// The events that context records without a wanted record began in the head: emitted as
    /// head fragments when no wanted record joined them. A few at most, so that a crafted head
    /// (one stamp under thousands of node names) costs no more than any other records.
    private var headFragmentIDs: [AuditEventID] = []
    static let maximumHeadFragments = 4
    /// The events of the head's records so far (at most `headRecords`).
    private var headSeen: [AuditEventID] = []

    /// - Parameters:
    ///   - startLine: number of lines already consumed before the first byte given (resume).
    ///   - startOffset: byte offset of the first byte given.
    public init(sourceName: String, configuration: Configuration = Configuration(),
                startLine: Int = 0, startOffset: Int64 = 0) throws {
        self.sourceName = sourceName
        self.configuration = configuration
        self.decoder = try AuparseDecoder(keepField: configuration.keepField)
        self.fieldFilter = FieldNameFilter(keep: configuration.keepField)
        self.lineNumber = startLine
        self.lineOffset = startOffset
        self.terminatedLine = startLine
        self.terminatedOffset = startOffset
        self.headRecordsLeft = Self.headRecords
        buffer.reserveCapacity(1 << 16)
    }

    /// Where a later run can restart without losing an event: the first line of the oldest event
    /// still open or provisional, or just past the last complete line. Events between that point
    /// and the end of what was read may be read again; the store ignores an event it already
    /// holds and replaces one that has grown.
    public var checkpoint: (offset: Int64, line: Int) {
        let held = open + provisional + (block.map { [$0] } ?? [])
        if let oldest = held.min(by: { $0.firstOffset < $1.firstOffset }) {
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
    /// must not wait for records that will never come. They stay provisional. A partial last line
    /// stays buffered.
    public func completeOpenEvents(emit: (Output) throws -> Void) throws {
        while !open.isEmpty {
            try complete(takeOpen(at: 0), final: false, emit: emit)
        }
    }

    /// End of input: a last line without newline is still a line (a truncated log), and every
    /// open event is complete (provisionally, unless closed).
    public func finish(emit: (Output) throws -> Void) throws {
        if discarding {
            // An over-long last line without newline: it ends here, and counts as a line.
            try handleLine(0..<0, emit: emit, terminated: false)
        } else if !buffer.isEmpty {
            try handleLine(0..<buffer.count, emit: emit, terminated: false)
        }
        buffer.removeAll()
        scanFrom = 0
        discarding = false
        // ausearch context records that no wanted record claimed: not an event of ours.
        block = nil
        try completeOpenEvents(emit: emit)
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
        statistics.lines += 1
        if discarding {
            // The over-long line's end: reported at its start, counted here, as it is when it
            // arrives in one piece.
            discarding = false
            return
        }
        if range.count > configuration.maximumLineLength {
            try report(reason: "line longer than \(configuration.maximumLineLength) bytes", bytes: buffer[range],
                       line: lineNumber, offset: offset, emit: emit)
            return
        }
        var range = range
        if range.count > 0, buffer[range.upperBound - 1] == 0x0D { range = range.lowerBound..<(range.upperBound - 1) }
        // A local reference (no copy): a Span borrowed from a class property outlives the
        // property's access, which release builds without run-time exclusivity checks refuse.
        let bytes = buffer
        let header: RecordHeader
        switch RecordHeader.parse(bytes.span, range) {
        case .failure(let failure):
            if try handleSeparator(range, emit: emit) { return }
            afterSeparator = false
            try report(reason: failure.rawValue, bytes: buffer[range], line: lineNumber, offset: offset, emit: emit)
            return
        case .success(let parsed):
            header = parsed
        }
        if afterSeparator {
            if header.isInterpreted { separatedBlocks = true }
            afterSeparator = false
        }
        statistics.records += 1
        let inHead = headRecordsLeft > 0
        if inHead { headRecordsLeft -= 1 }
        if !provisional.isEmpty { expireProvisionalEvents(before: header.seconds) }
        // Most records are dropped here, before any String is made for them.
        guard let (typeName, role) = RecordType.classify(bytes.span, header.type) else { return }
        // Context records are half the log; most belong to events we do not keep, so they are
        // matched on numbers before any String is made.
        if role != .wanted, !separatedBlocks, !inHead, !holds(header) { return }
        // auditd escapes every byte it does not print; a NUL is damage (a crash's zero-filled
        // block), and auparse would read the line only up to it.
        if let nul = ByteSearch.firstIndex(of: 0, in: buffer, range: range) {
            try report(reason: "NUL byte in record at column \(nul - range.lowerBound + 1)", bytes: buffer[range],
                       line: lineNumber, offset: offset, emit: emit)
            return
        }
        let node = header.node.map { String(decoding: buffer[$0], as: UTF8.self) } ?? configuration.defaultNode
        let id = AuditEventID(node: node, seconds: header.seconds, milliseconds: header.milliseconds, serial: header.serial)
        // A record of an event this file already showed (emitted, or made final) continues no
        // other file's event.
        let seenInHead = inHead && headSeen.contains(id)
        if inHead, !seenInHead { headSeen.append(id) }
        let canonical = header.canonicalLine(buffer[range])
        let stripped = role == .context && canonical == nil
            ? UnreadFields.strip(buffer, range, bodyStart: header.bodyStart, filter: fieldFilter) : nil
        let stampRange = canonical == nil ? RepeatedEventCache.stampRange(buffer, range, header: header) : nil
        let line = OpenEvent.Line(raw: Array(buffer[range]), canonical: canonical, line: lineNumber, offset: offset, type: typeName,
                                  stripped: stripped, isWanted: role == .wanted, stampRange: stampRange, terminated: terminated)

        switch role {
        case .endOfEvent:
            if let index = open.firstIndex(where: { $0.id == id }) {
                try complete(takeOpen(at: index), final: true, emit: emit)
            } else if let index = provisional.firstIndex(where: { $0.id == id }) {
                // Closed after all, with nothing added: final as emitted.
                heldBytes -= provisional.remove(at: index).bytes
            }
        case .context:
            if let index = try openIndex(of: id, emit: emit) {
                append(line, offset: offset, to: index)
                if typeName == "PROCTITLE" { try complete(takeOpen(at: index), final: true, emit: emit) }
            } else if separatedBlocks {
                if block?.id != id {
                    block = OpenEvent(id: id, firstLine: lineNumber, firstOffset: offset)
                    block?.printedLastFirst = true
                }
                _ = block?.append(line, offset: offset, maximumRecords: configuration.maximumRecordsPerEvent,
                                  maximumBytes: configuration.maximumEventBytes)
            } else if inHead, !seenInHead, headFragmentIDs.count < Self.maximumHeadFragments {
                headFragmentIDs.append(id)
                open.append(OpenEvent(id: id, firstLine: lineNumber, firstOffset: offset))
                append(line, offset: offset, to: open.count - 1)
                if typeName == "PROCTITLE" { try complete(takeOpen(at: open.count - 1), final: true, emit: emit) }
            }
        case .wanted:
            try expireOpenEvents(before: header.seconds, emit: emit)
            try completeEventsAheadOfAStep(id, emit: emit)
            let index: Int
            if let known = try openIndex(of: id, emit: emit) {
                index = known
            } else {
                var event = OpenEvent(id: id, firstLine: lineNumber, firstOffset: offset)
                event.printedLastFirst = separatedBlocks
                if let held = block, held.id == id {
                    // ausearch printed this event's context records first.
                    event = held
                    heldBytes += held.bytes
                    block = nil
                }
                open.append(event)
                index = open.count - 1
            }
            append(line, offset: offset, to: index)
            if RecordType.isSingleRecordEvent(typeName) {
                try complete(takeOpen(at: index), final: true, emit: emit)
            } else if open.count > configuration.maximumOpenEvents {
                try complete(takeOpen(at: 0), final: true, emit: emit)
            }
        case .ignored:
            return
        }
        try keepHeldBytesBounded(emit: emit)
    }

    /// `----` between events and `time->Tue Nov 25 03:47:25 2025` under it, as ausearch prints
    /// them: separators, not errors. A separator closes every open event.
    private func handleSeparator(_ range: Range<Int>, emit: (Output) throws -> Void) throws -> Bool {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, buffer[start] == 0x20 || buffer[start] == 0x09 { start += 1 }
        while end > start, buffer[end - 1] == 0x20 || buffer[end - 1] == 0x09 { end -= 1 }
        let text = buffer[start..<end]
        if text.elementsEqual(Self.separator) {
            statistics.separators += 1
            afterSeparator = true
            block = nil
            while !open.isEmpty { try complete(takeOpen(at: 0), final: true, emit: emit) }
            return true
        }
        if text.starts(with: Self.timeHeading) {
            statistics.separators += 1
            if afterSeparator { separatedBlocks = true }
            afterSeparator = false
            return true
        }
        return false
    }

    private static let separator = Array("----".utf8)
    private static let timeHeading = Array("time->".utf8)

    /// Whether an open or provisional event has this record's ID, compared on numbers only.
    private func holds(_ header: RecordHeader) -> Bool {
        let matches = { (event: OpenEvent) in
            event.id.serial == header.serial && event.id.seconds == header.seconds
                && event.id.milliseconds == header.milliseconds
        }
        return open.contains(where: matches) || provisional.contains(where: matches)
    }

    /// The open event with this ID; a provisional one is reopened for the record that continues it.
    private func openIndex(of id: AuditEventID, emit: (Output) throws -> Void) throws -> Int? {
        if let index = open.firstIndex(where: { $0.id == id }) { return index }
        guard let index = provisional.firstIndex(where: { $0.id == id }) else { return nil }
        open.append(provisional.remove(at: index))
        if open.count > configuration.maximumOpenEvents {
            try complete(takeOpen(at: 0), final: true, emit: emit)
        }
        return open.count - 1
    }

    private func append(_ line: OpenEvent.Line, offset: Int64, to index: Int) {
        heldBytes += open[index].append(line, offset: offset, maximumRecords: configuration.maximumRecordsPerEvent,
                                        maximumBytes: configuration.maximumEventBytes)
    }

    private func takeOpen(at index: Int) -> OpenEvent {
        let event = open.remove(at: index)
        heldBytes -= event.bytes
        return event
    }

    private func keepHeldBytesBounded(emit: (Output) throws -> Void) throws {
        while heldBytes > configuration.maximumHeldBytes {
            if !provisional.isEmpty {
                heldBytes -= provisional.removeFirst().bytes
            } else if !open.isEmpty {
                try complete(takeOpen(at: 0), final: true, emit: emit)
            } else {
                break
            }
        }
    }

    private func expireOpenEvents(before seconds: Int64, emit: (Output) throws -> Void) throws {
        guard !open.isEmpty else { return }
        let limit = seconds - configuration.eventTimeoutSeconds
        while let index = open.firstIndex(where: { $0.id.seconds < limit }) {
            try complete(takeOpen(at: index), final: true, emit: emit)
        }
    }

    /// The node's clock stepped back: a record logged after held events (a higher serial) is
    /// stamped more than the timeout before them, and the stamps will not pass theirs again for as
    /// long as the step went back. Held on, they came out after the events of the overlap, as if
    /// logged after them, and the clock seemed to step several times (helper-101: lone AVCs of
    /// before a 30 s step, 62 of 7,235 denials given to a guest started after it). They go out
    /// now, provisionally: records of theirs still to come (interleaved with the first events
    /// after the step) reopen them, and the whole event takes the place of what was stored
    /// (helper-102: made final, such an event was stored twice, the second piece without exe).
    private func completeEventsAheadOfAStep(_ id: AuditEventID, emit: (Output) throws -> Void) throws {
        guard !open.isEmpty else { return }
        let (limit, overflow) = id.seconds.addingReportingOverflow(configuration.eventTimeoutSeconds)
        let (dayAhead, past) = id.seconds.addingReportingOverflow(Self.longestStepSeconds)
        guard !overflow, !past else { return }
        while let index = open.firstIndex(where: {
            $0.id.seconds > limit && $0.id.seconds <= dayAhead && $0.id.serial < id.serial && $0.id.node == id.node
        }) {
            try complete(takeOpen(at: index), final: false, emit: emit)
        }
    }

    /// Further back than this is no step of a clock but lines of other times pasted together (bug
    /// reports, commit messages quoting events of several hosts), where the records of one event
    /// may come apart: held events are left to the timeout, as before (ClockStepPlacer's bound).
    static let longestStepSeconds: Int64 = 86_400

    /// The log has moved on past a provisional event: it is final.
    private func expireProvisionalEvents(before seconds: Int64) {
        let limit = seconds - configuration.eventTimeoutSeconds
        provisional.removeAll { event in
            guard event.id.seconds < limit else { return false }
            heldBytes -= event.bytes
            return true
        }
    }

    /// Decodes the event through auparse and emits it.
    /// - Parameter final: false when the event ended without its closing record; it is then
    ///   kept as provisional.
    private func complete(_ event: OpenEvent, final: Bool, emit: (Output) throws -> Void) throws {
        var event = event
        if event.dropped.records > event.reportedDrops {
            let dropped = event.dropped
            try report(reason: "event \(event.id.stamp) has more records than one event may hold (\(configuration.maximumRecordsPerEvent) records, \(configuration.maximumEventBytes) bytes): \(dropped.records) records (\(dropped.bytes) bytes) from this line on were dropped; the first \(event.lines.count) are kept",
                       bytes: dropped.sample, line: dropped.firstLine, offset: dropped.firstOffset, emit: emit)
            event.reportedDrops = dropped.records
        }
        try decodeAndEmit(event, emit: emit)
        if !final {
            provisional.append(event)
            heldBytes += event.bytes
            if provisional.count > configuration.maximumProvisionalEvents {
                heldBytes -= provisional.removeFirst().bytes
            }
        }
    }

    private func decodeAndEmit(_ event: OpenEvent, emit: (Output) throws -> Void) throws {
        statistics.keptRecords += event.lines.count
        let lines = event.lines
        let paired = pairedFields(of: event)
        var records: [AuditRecord] = []
        records.reserveCapacity(lines.count)
        var hasWanted = false
        var rejected = false
        for k in lines.indices {
            guard paired[k].found else {
                rejected = true
                continue
            }
            let fields = paired[k].fields
            hasWanted = hasWanted || lines[k].isWanted
            records.append(AuditRecord(type: lines[k].type, raw: String(decoding: lines[k].raw, as: UTF8.self),
                                       line: lines[k].line, fields: fields))
        }
        for k in lines.indices where rejected && !paired[k].found {
            // Kept through the fallback splitter, and reported so the operator knows why.
            let line = lines[k]
            try report(reason: "libauparse rejected this \(line.type) record (a permission list over its 256-byte buffer, or a time stamp it cannot read); kept with svirt-trace's own field splitter",
                       bytes: line.raw[...], line: line.line, offset: line.offset >= 0 ? line.offset : nil, emit: emit)
            if case .success(let header) = RecordHeader.parse(line.raw, 0..<line.raw.count) {
                let fields = FallbackFields.split(line: line.raw, bodyStart: header.bodyStart, type: line.type)
                hasWanted = hasWanted || line.isWanted
                records.append(AuditRecord(type: line.type, raw: String(decoding: line.raw, as: UTF8.self), line: line.line,
                                           fields: fields.filter { configuration.keepField($0.name) }))
            }
        }
        // Lines are kept in the order read, so records usually are in order already; sorting two
        // records costs more than the rest of a repeated event's decoding.
        let inOrder: (AuditRecord, AuditRecord) -> Bool = { event.printedLastFirst ? $0.line > $1.line : $0.line < $1.line }
        if zip(records, records.dropFirst()).contains(where: { !inOrder($0, $1) }) { records.sort(by: inOrder) }
        let isHeadFragment = !hasWanted && !headFragmentIDs.isEmpty && headFragmentIDs.contains(event.id)
        guard hasWanted || isHeadFragment else { return }
        if hasWanted { statistics.events += 1 }
        try emit(.event(AuditEvent(id: event.id, records: records, source: sourceName, firstLine: event.firstLine,
                                   isHeadFragment: isHeadFragment, endsUnterminated: lines.contains { !$0.terminated })))
    }

    /// Per line of the event, the kept fields of the record auparse returned for it, or that it
    /// returned none (it rejected the line). From RepeatedEventCache when the event repeats a
    /// recent one, else from auparse.
    private func pairedFields(of event: OpenEvent) -> [RepeatedEventCache.LineFields] {
        let lines = event.lines
        var stamp = stampBuffer
        stampBuffer = []
        defer { stampBuffer = stamp }
        stamp.removeAll(keepingCapacity: true)
        Self.appendStamp(of: event.id, to: &stamp)
        let endOfEventHasNode = event.id.node != nil && lines.first.map({ $0.fed.starts(with: Self.nodePrefix) }) == true
        var cacheable = false
        if configuration.decodesRepeatsFromCache, repeatedEvents.isWorthTrying() {
            let nodeBytes = endOfEventHasNode ? Self.nodePrefix.count + (event.id.node?.utf8.count ?? 0) + 1 : 0
            cacheable = repeatedEvents.prepareKey(lines: lines, stamp: stamp,
                                                  endOfEventParen: nodeBytes + Self.endOfEventPrefix.count + stamp.count,
                                                  endOfEventHasNode: endOfEventHasNode)
            if cacheable, let known = repeatedEvents.lookup() { return known }
        }
        // Reused from event to event: one allocation for the run, not one per event.
        var feed = feedBuffer
        feedBuffer = []
        defer { feedBuffer = feed }
        feed.removeAll(keepingCapacity: true)
        for line in lines {
            feed.append(contentsOf: line.fed)
            feed.append(0x0A)
        }
        if endOfEventHasNode, let node = event.id.node {
            feed.append(contentsOf: Self.nodePrefix)
            feed.append(contentsOf: node.utf8)
            feed.append(0x20)
        }
        feed.append(contentsOf: Self.endOfEventPrefix)
        feed.append(contentsOf: stamp)
        feed.append(contentsOf: Self.endOfEventSuffix)
        let decoded: DecodedRecords
        do {
            decoded = try decoder.decodeRecords(feed)
        } catch {
            // auparse could not take the bytes (out of memory): every line goes to the fallback
            // splitter, and nothing is remembered.
            return Array(repeating: RepeatedEventCache.LineFields(), count: lines.count)
        }
        var paired = Array(repeating: RepeatedEventCache.LineFields(), count: lines.count)
        // auparse returns each record's text as fed, without the ENRICHED part after 0x1D. Each
        // of its records pairs with the first line not yet paired whose text is the same: in
        // order, that is the next line, so this is linear unless auparse rejected a record.
        let compared = lines.map { line -> Int in
            let fed = line.fed
            return ByteSearch.firstIndex(of: 0x1D, in: fed, range: 0..<fed.count) ?? fed.count
        }
        var firstUnmatched = 0
        // A record auparse gave without field names stays unpaired: the fallback splitter reads it.
        for record in decoded.records where record.type != Self.endOfEventType && !record.fieldsUnreadable {
            var k = firstUnmatched
            while k < lines.count {
                if !paired[k].found, ByteSearch.equal(lines[k].fed, 0..<compared[k], decoded.text, record.textRange) { break }
                k += 1
            }
            guard k < lines.count else { continue }
            paired[k] = RepeatedEventCache.LineFields(fields: record.fields, found: true)
            while firstUnmatched < lines.count, paired[firstUnmatched].found { firstUnmatched += 1 }
        }
        if cacheable { repeatedEvents.store(paired) }
        return paired
    }

    private static let nodePrefix = Array("node=".utf8)
    private static let endOfEventPrefix = Array("type=EOE msg=audit(".utf8)
    private static let endOfEventSuffix = Array("): \n".utf8)
    /// AUDIT_EOE.
    private static let endOfEventType = 1320

    /// `AuditEventID.stamp` (`SECONDS.MMM:SERIAL`) written as bytes, without making Strings.
    private static func appendStamp(of id: AuditEventID, to out: inout [UInt8]) {
        appendDecimal(id.seconds, to: &out)
        out.append(0x2E)
        if id.milliseconds >= 0, id.milliseconds < 1000 {
            out.append(0x30 + UInt8(id.milliseconds / 100))
            out.append(0x30 + UInt8(id.milliseconds / 10 % 10))
            out.append(0x30 + UInt8(id.milliseconds % 10))
        } else {
            out.append(contentsOf: String(id.milliseconds).utf8)
        }
        out.append(0x3A)
        appendDecimal(id.serial, to: &out)
    }

    private static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        guard value >= 0 else {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var count = 0
        var rest = value
        repeat {
            count += 1
            rest /= 10
        } while rest > 0
        let start = out.count
        out.append(contentsOf: repeatElement(0x30, count: count))
        rest = value
        var k = start + count - 1
        repeat {
            out[k] = 0x30 + UInt8(rest % 10)
            rest /= 10
            k -= 1
        } while rest > 0
    }

    private func report(reason: String, bytes: ArraySlice<UInt8>, line: Int? = nil, offset: Int64? = nil,
                        emit: (Output) throws -> Void) throws {
        statistics.issues += 1
        let issue = ParseIssue(source: sourceName, line: line ?? lineNumber, byteOffset: offset ?? lineOffset,
                               reason: reason, bytes: bytes)
        try emit(.issue(issue))
    }
}
