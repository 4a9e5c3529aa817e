import AuditStream
import Foundation

/// Watch's line reader on a thread of its own: while the watch thread correlates, stores and
/// alerts on one chunk, this thread parses the next (auparse and the field decoding are about a
/// sixth of a flood's cost, and a hypervisor has a second core).
///
/// The watch thread hands chunks over and handles the outputs in the order the bytes came; at
/// most `depth` chunks are in flight, so memory and the delay before a new event is handled stay
/// bounded. `checkpoint` and `statistics` are those after the last chunk whose outputs were all
/// handled, so a commit never claims an event that was parsed but not stored.
final class PipelinedReader {
    private enum Command: @unchecked Sendable {
        case consume([UInt8])
        case completeOpenEvents
        case finish
    }

    private struct Batch: @unchecked Sendable {
        var outputs: [ParsedOutput]
        var checkpoint: (offset: Int64, line: Int)
        var statistics: AuditLogReader.Statistics
        var failure: (any Error)?
    }

    /// What only the parsing thread touches once it runs.
    private final class Parser: @unchecked Sendable {
        let reader: AuditLogReader
        var decoder = DenialPredecoder()
        init(_ reader: AuditLogReader) { self.reader = reader }

        func run(_ command: Command) -> Batch {
            var outputs: [ParsedOutput] = []
            var failure: (any Error)?
            do {
                switch command {
                case .consume(let bytes): try reader.consume(bytes) { outputs.append(ParsedOutput($0, decoding: &decoder)) }
                case .completeOpenEvents: try reader.completeOpenEvents { outputs.append(ParsedOutput($0, decoding: &decoder)) }
                case .finish: try reader.finish { outputs.append(ParsedOutput($0, decoding: &decoder)) }
                }
            } catch {
                failure = error
            }
            return Batch(outputs: outputs, checkpoint: reader.checkpoint, statistics: reader.statistics, failure: failure)
        }
    }

    private let commands: BoundedQueue<Command>
    private let results: BoundedQueue<Batch>
    private let stopped = DispatchSemaphore(value: 0)
    private let depth: Int
    private var inFlight = 0
    private(set) var checkpoint: (offset: Int64, line: Int)
    private(set) var statistics: AuditLogReader.Statistics

    init(_ reader: AuditLogReader, depth: Int = 4) {
        self.depth = max(1, depth)
        checkpoint = reader.checkpoint
        statistics = reader.statistics
        let commands = BoundedQueue<Command>(capacity: self.depth)
        // Never full: at most `depth` commands are in flight, each giving one batch.
        let results = BoundedQueue<Batch>(capacity: self.depth + 1)
        self.commands = commands
        self.results = results
        let parser = Parser(reader)
        let stopped = stopped
        let thread = Thread {
            while let command = commands.take() {
                guard results.put(parser.run(command)) else { break }
            }
            stopped.signal()
        }
        thread.name = "svirt-trace parser"
        thread.start()
    }

    deinit {
        commands.close()
        results.close()
        stopped.wait()
    }

    /// Hands `bytes` over and handles what is already parsed; waits only when `depth` chunks are
    /// in flight.
    func consume(_ bytes: ArraySlice<UInt8>, emit: (ParsedOutput) throws -> Void) throws {
        try submit(.consume(Array(bytes)), emit: emit)
        while let batch = results.poll() { try handle(batch, emit: emit) }
    }

    /// Completes the open events (the log went quiet), after everything handed over before.
    func completeOpenEvents(emit: (ParsedOutput) throws -> Void) throws {
        try submit(.completeOpenEvents, emit: emit)
        try drain(emit: emit)
    }

    /// End of input: the last line without newline, after everything handed over before.
    func finish(emit: (ParsedOutput) throws -> Void) throws {
        try submit(.finish, emit: emit)
        try drain(emit: emit)
    }

    /// Handles every chunk in flight, waiting for the parser: before the watch thread sleeps, so
    /// nothing parsed waits for the next bytes.
    func drain(emit: (ParsedOutput) throws -> Void) throws {
        while inFlight > 0 { try takeOne(emit: emit) }
    }

    var isIdle: Bool { inFlight == 0 }

    private func submit(_ command: Command, emit: (ParsedOutput) throws -> Void) throws {
        while inFlight >= depth { try takeOne(emit: emit) }
        commands.put(command)
        inFlight += 1
    }

    private func takeOne(emit: (ParsedOutput) throws -> Void) throws {
        guard let batch = results.take() else { throw IngestError.readerStopped("parser") }
        try handle(batch, emit: emit)
    }

    private func handle(_ batch: Batch, emit: (ParsedOutput) throws -> Void) throws {
        inFlight -= 1
        if let failure = batch.failure { throw failure }
        for output in batch.outputs { try emit(output) }
        checkpoint = batch.checkpoint
        statistics = batch.statistics
    }
}
