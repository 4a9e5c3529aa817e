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
}
