import Native

/// Where ingest reads bytes from: a file, standard input, or (for benchmarks) a generated log.
public protocol ByteSource: AnyObject {
    var path: String { get }
    var isSeekable: Bool { get }
    /// Total size when known.
    var size: Int64? { get }
    /// Fills `buffer` from its start; 0 at end of input.
    func read(into buffer: inout [UInt8]) throws -> Int
    func seek(to offset: Int64) throws
    /// Whether a read would not wait (bytes, the end or an error are there), waiting up to
    /// `milliseconds` for it; false after a signal too.
    func waitForBytes(milliseconds: Int32) throws -> Bool
}

extension ByteSource {
    /// A source whose reads never wait.
    public func waitForBytes(milliseconds: Int32) throws -> Bool { true }

    /// Up to `maximum` bytes; empty at end of input.
    func read(maximum: Int) throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: maximum)
        let n = try read(into: &chunk)
        chunk.removeSubrange(n...)
        return chunk
    }
}

extension ChunkedReader: ByteSource {}
