#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// memchr over a Swift array: the reader's newline search, which touches every byte of the log
/// and is the hottest loop in the program.
public enum ByteSearch {
    public static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// memchr over `range` of the array only.
    public static func firstIndex(of byte: UInt8, in bytes: [UInt8], range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
    }

    /// Whether `a[aRange]` and `b[bRange]` hold the same bytes (memcmp): the reader pairs
    /// auparse's record texts with the lines it fed this way.
    public static func equal(_ a: [UInt8], _ aRange: Range<Int>, _ b: [UInt8], _ bRange: Range<Int>) -> Bool {
        guard aRange.count == bRange.count else { return false }
        precondition(aRange.lowerBound >= 0 && aRange.upperBound <= a.count
                     && bRange.lowerBound >= 0 && bRange.upperBound <= b.count, "range outside its array")
        if aRange.isEmpty { return true }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                memcmp(pa.baseAddress! + aRange.lowerBound, pb.baseAddress! + bRange.lowerBound, aRange.count) == 0
            }
        }
    }

    /// A 64-bit hash of the bytes, read eight at a time: where a cache looks, never its proof
    /// (callers compare the bytes of a hit). Not keyed: a crafted input can only make it miss.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw -> UInt64 in
            let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            var h = UInt64(raw.count) &* multiplier
            var i = 0
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = (h ^ word) &* multiplier
                h ^= h >> 29
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < raw.count {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* multiplier
            h ^= h >> 32
            return h
        }
    }
}
