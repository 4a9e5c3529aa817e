import AuditStream
import Native
import Store

/// The half of an ingest that runs on the reading thread: the file, the line reader and its
/// auparse state. Ownership moves to that thread when it starts; the storing thread touches none
/// of it until the reading thread has finished.
final class ReadingSide: @unchecked Sendable {
    private let file: ByteSource
    private let stream: AuditLogReader
    private var first: [UInt8]?
    private let chunkSize: Int
    private var decoder = DenialPredecoder()
    let total: Int64?
    /// Whether a read may wait without end: a pipe's writer decides when its next bytes come.
    var readMayWait: Bool { !file.isSeekable }

    init(file: ByteSource, stream: AuditLogReader, first: [UInt8], chunkSize: Int) {
        self.file = file
        self.stream = stream
        // Empty when an earlier run stopped exactly where the bytes read ahead end: not the
        // end of input (a rerun of a pipe that paused there read nothing more, and ended).
        self.first = first.isEmpty ? nil : first
        self.chunkSize = chunkSize
        self.total = file.size
    }

    func run(into queue: BoundedQueue<IngestSession.ReaderHandoff>, spent: SpentOutputs, start: SourceCheckpoint) {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var bytesRead = start.byteOffset
        func point() -> SourceCheckpoint {
            let p = stream.checkpoint
            return SourceCheckpoint(id: start.id, byteOffset: p.offset, line: p.line)
        }
        do {
            while true {
                let bytes: ArraySlice<UInt8>
                if let head = first {
                    first = nil
                    bytes = head[...]
                } else {
                    let n = try file.read(into: &chunk)
                    bytes = chunk[0..<n]
                }
                if bytes.isEmpty { break }
                spent.free()
                var outputs: [ParsedOutput] = []
                try stream.consume(bytes) { outputs.append(ParsedOutput($0, decoding: &decoder)) }
                bytesRead += Int64(bytes.count)
                guard queue.put(.chunk(outputs: outputs, checkpoint: point(), bytesRead: bytesRead)) else { return }
            }
            var outputs: [ParsedOutput] = []
            try stream.finish { outputs.append(ParsedOutput($0, decoding: &decoder)) }
            guard queue.put(.chunk(outputs: outputs, checkpoint: point(), bytesRead: bytesRead)) else { return }
            queue.put(.end(stream.statistics, point()))
        } catch {
            queue.put(.failed(error))
        }
    }
}
