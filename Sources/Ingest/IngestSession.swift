import AuditStream
import Foundation
import Findings
import Guests
import Native
import Store

/// Streams sources into the store: reader, deduplication by event ID, correlation, storage, in
/// transactions of `batchSize` stored items with the source checkpoint written in the same
/// transaction, so a crash loses nothing and a re-run stores nothing twice.
public final class IngestSession {
    public enum Input {
        case file(String)
        case standardInput
        /// Any other source of log bytes (a generated benchmark log).
        case source(ByteSource)
    }

    public struct Options: Sendable {
        public var defaultNode: String?
        public var batchSize = 20_000
        public var chunkSize = 1 << 20
        public var booleanRules = BooleanRules.standard

        public init(defaultNode: String? = nil) { self.defaultNode = defaultNode }
    }

    public internal(set) var summary = IngestSummary()
    let options: Options
    let writer: IngestWriter
    private var correlator: Correlator
    var pending = 0

    let database: Database

    public init(database: Database, options: Options = Options()) throws {
        self.database = database
        self.options = options
        writer = try IngestWriter(database: database)
        let leases = try writer.loadLeases()
        correlator = Correlator(map: GuestMap(leases: leases), classifier: Classifier(booleans: options.booleanRules))
    }

    /// Leases for guests already running before the logs begin. Problems with single files are
    /// returned (and stored as parse errors); an unusable folder throws.
    public func bootstrap(stateFolder: String) throws -> [GuestsError] {
        let loaded = try StateFolder.load(path: stateFolder, defaultNode: options.defaultNode)
        try writer.begin()
        do {
            let findings = correlator.bootstrap(loaded.entries)
            try writer.store(findings: findings, sourceID: nil)
            for problem in loaded.problems {
                try writer.store(issue: ParseIssue(source: stateFolder, line: 0, byteOffset: -1,
                                                   reason: "\(problem)", text: ""), sourceID: nil)
            }
            summary.bootstrapped += findings.filter { if case .event = $0 { return true } else { return false } }.count
            summary.parseErrors += loaded.problems.count
            try writer.commit()
        } catch {
            writer.rollback()
            throw error
        }
        return loaded.problems
    }

    /// Reads one source to its end.
    /// - Parameter progress: called with (bytes read, total bytes or nil) after each chunk.
    public func ingest(_ input: Input, progress: ((Int64, Int64?) -> Void)? = nil) throws {
        let reader: ByteSource
        switch input {
        case .file(let path): reader = try ChunkedReader(path: path)
        case .standardInput: reader = ChunkedReader(standardInput: ())
        case .source(let source): reader = source
        }
        let name = reader.path
        var first = try reader.read(maximum: options.chunkSize)
        guard !first.isEmpty else { return }
        summary.sources += 1
        let identity = SourceIdentity(head: first)
        try writer.begin()
        do {
            var checkpoint = try writer.source(for: identity, path: name)
            if checkpoint.byteOffset > 0 {
                if checkpoint.byteOffset <= Int64(first.count) {
                    first.removeSubrange(0..<Int(checkpoint.byteOffset))
                } else if reader.isSeekable, let size = reader.size, checkpoint.byteOffset <= size {
                    try reader.seek(to: checkpoint.byteOffset)
                    first = try reader.read(maximum: options.chunkSize)
                } else if !reader.isSeekable {
                    // A pipe cannot seek: read past what an earlier run already stored.
                    var skipped = Int64(first.count)
                    first = []
                    while skipped < checkpoint.byteOffset {
                        let chunk = try reader.read(maximum: options.chunkSize)
                        if chunk.isEmpty { break }
                        if skipped + Int64(chunk.count) > checkpoint.byteOffset {
                            first = Array(chunk[Int(checkpoint.byteOffset - skipped)...])
                        }
                        skipped += Int64(chunk.count)
                    }
                } else {
                    // Shorter than the checkpoint: not the file we read before. Read it whole;
                    // event IDs already stored are skipped.
                    checkpoint.byteOffset = 0
                    checkpoint.line = 0
                }
            }
            try writer.forgetParseErrors(sourceID: checkpoint.id, after: checkpoint.line)
            let stream = try AuditLogReader(sourceName: name,
                                            configuration: .init(defaultNode: options.defaultNode,
                                                                 keepField: FieldsRead.isRead),
                                            startLine: checkpoint.line, startOffset: checkpoint.byteOffset)
            let statistics = try consume(reading: ReadingSide(file: reader, stream: stream, first: first,
                                                              chunkSize: options.chunkSize),
                                         from: checkpoint, identity: identity, name: name, progress: progress)
            pending = 0
            summary.bytes += statistics.bytes
            summary.lines += statistics.lines
            summary.records += statistics.records
        } catch {
            writer.rollback()
            throw error
        }
    }

    /// What the reading thread hands over: the outputs of one chunk and where the reader stood
    /// after it, so the store commits only checkpoints whose events it already holds.
    enum ReaderHandoff: Sendable {
        case chunk(outputs: [AuditLogReader.Output], checkpoint: SourceCheckpoint, bytesRead: Int64)
        case end(AuditLogReader.Statistics, SourceCheckpoint)
        case failed(any Error)
    }

    /// Reads and parses on a second thread while this one correlates and stores: the two halves
    /// cost about the same, and a hypervisor has more than one core.
    private func consume(reading side: ReadingSide, from start: SourceCheckpoint, identity: SourceIdentity,
                         name: String, progress: ((Int64, Int64?) -> Void)?) throws -> AuditLogReader.Statistics {
        let queue = BoundedQueue<ReaderHandoff>(capacity: 4)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            side.run(into: queue, start: start)
            done.signal()
        }
        thread.name = "svirt-trace reader"
        thread.start()
        defer {
            queue.close()
            done.wait()
        }
        let total = side.total
        var lastEventTime: Int64?
        var checkpoint = start
        while let item = queue.take() {
            switch item {
            case .chunk(let outputs, let point, let bytesRead):
                for output in outputs { try handle(output, sourceID: start.id, lastEventTime: &lastEventTime) }
                checkpoint = point
                progress?(bytesRead, total)
                if pending >= options.batchSize {
                    try writer.saveCheckpoint(sourceID: start.id, identity: identity, offset: checkpoint.byteOffset,
                                              line: checkpoint.line, path: name, eventTimeMilliseconds: lastEventTime)
                    try writer.commit()
                    try writer.begin()
                    pending = 0
                }
            case .end(let statistics, let point):
                try writer.saveCheckpoint(sourceID: start.id, identity: identity, offset: point.byteOffset,
                                          line: point.line, path: name, eventTimeMilliseconds: lastEventTime)
                try writer.commit()
                return statistics
            case .failed(let failure):
                throw failure
            }
        }
        throw IngestError.readerStopped(name)
    }

    /// Stores one reader output; returns the findings of a newly stored event (for alerting).
    @discardableResult
    func handle(_ output: AuditLogReader.Output, sourceID: Int64, lastEventTime: inout Int64?) throws -> [Finding] {
        switch output {
        case .issue(let issue):
            try writer.store(issue: issue, sourceID: sourceID)
            summary.parseErrors += 1
            pending += 1
            return []
        case .event(let event):
            let occurrence: Int64
            switch try writer.novelty(of: event, sourceID: sourceID) {
            case .new: occurrence = 0
            case .repeatInSource(let line): occurrence = line
            case .replaces(let stored, let kept):
                try writer.delete(auditEventID: stored)
                occurrence = kept
            case .alreadyStored:
                summary.duplicates += 1
                return []
            }
            let findings = correlator.process(event)
            guard !findings.isEmpty else { return [] }
            try writer.store(CorrelatedEvent(event: event, findings: findings), sourceID: sourceID, occurrence: occurrence)
            lastEventTime = max(lastEventTime ?? event.id.timeMilliseconds, event.id.timeMilliseconds)
            var storedSomething = false
            for finding in findings {
                switch finding {
                case .denial(let denial):
                    summary.denialsByKind[denial.kind.rawValue, default: 0] += 1
                    storedSomething = true
                case .event(let recorded):
                    summary.eventsByKind[recorded.kind.rawValue, default: 0] += 1
                    storedSomething = true
                case .issue:
                    summary.parseErrors += 1
                case .lease, .resource:
                    storedSomething = true
                }
            }
            if storedSomething { summary.events += 1 }
            pending += findings.count
            return findings
        }
    }
}
