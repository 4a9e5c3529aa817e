import CZstd

/// One-shot zstd compression of evidence blocks. A block is small (one commit of one source), so
/// the simple API with a fresh context per call costs little next to the compression itself.
public enum Zstd {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Level 1 keeps up with a flood on one core and still shrinks audit text about tenfold.
    public static func compress(_ input: [UInt8], level: Int32 = 1) throws -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, level)
            }
        }
        if ZSTD_isError(written) != 0 { throw Failure(description: "zstd: " + String(cString: ZSTD_getErrorName(written))) }
        output.removeSubrange(written...)
        return output
    }

    /// Refuses frames that claim more than `limit` bytes: a damaged or forged block must not make
    /// a query allocate gigabytes.
    public static func decompress(_ input: [UInt8], limit: Int = 64 << 20) throws -> [UInt8] {
        let size = input.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        // ZSTD_CONTENTSIZE_UNKNOWN and _ERROR are the two largest UInt64 values.
        guard size < UInt64.max - 1 else { throw Failure(description: "zstd: not a complete frame with its size") }
        guard size <= UInt64(limit) else { throw Failure(description: "zstd: frame of \(size) bytes is over the \(limit)-byte limit") }
        var output = [UInt8](repeating: 0, count: Int(size))
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                ZSTD_decompress(target.baseAddress, target.count, source.baseAddress, source.count)
            }
        }
        if ZSTD_isError(written) != 0 { throw Failure(description: "zstd: " + String(cString: ZSTD_getErrorName(written))) }
        guard written == Int(size) else { throw Failure(description: "zstd: frame decoded to \(written) of \(size) bytes") }
        return output
    }
}
