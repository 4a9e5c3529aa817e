#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Answers "keep this field?" for a field name given as bytes (a C string from libauparse, or a
/// token of a logged line), without making a String or hashing one for every field. A log uses a
/// few dozen field names, so each name's answer (and, for a kept name, its String) is remembered
/// under the name's bytes after the caller's predicate was asked once: the predicate decides,
/// this only remembers.
///
/// The table is bounded: a crafted log with endless distinct names fills it, and the names past
/// that are answered by the predicate each time.
public final class FieldNameFilter {
    private struct Slot {
        /// The name's first 16 bytes, little-endian, zero-padded: the whole key of a short name.
        var head0: UInt64 = 0
        var head1: UInt64 = 0
        /// -1 marks an empty slot.
        var length: Int32 = -1
        /// Where bytes past the first 16 sit in `arena`.
        var tailOffset: Int32 = 0
        /// The name, when it is kept.
        var kept: String?
    }

    private let keep: (String) -> Bool
    /// 256 slots of 40 bytes stay in the L1 cache: the probe is on every field's path.
    private static let slotBits = 8
    private static let slotCount = 1 << slotBits
    /// Half the slots at most: probes stay short.
    private static let maximumEntries = slotCount / 2
    /// Longer names are not cached (no auditd field name comes near this).
    private static let maximumCachedLength = 64
    private static let arenaCapacity = maximumEntries * (maximumCachedLength - 16)
    private let slots: UnsafeMutablePointer<Slot>
    private let arena: UnsafeMutablePointer<UInt8>
    private var arenaUsed = 0
    private var entries = 0

    public init(keep: @escaping (String) -> Bool) {
        self.keep = keep
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(repeating: Slot(), count: Self.slotCount)
        arena = .allocate(capacity: Self.arenaCapacity)
    }

    deinit {
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
        arena.deallocate()
    }

    /// The name as a String when the field is kept, nil when it is not.
    func keptName(_ cName: UnsafePointer<CChar>) -> String? {
        let bytes = UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self)
        var head0: UInt64 = 0
        var head1: UInt64 = 0
        var length = 0
        while true {
            let byte = bytes[length]
            if byte == 0 { break }
            if length < 8 {
                head0 |= UInt64(byte) << (8 * UInt64(length))
            } else if length < 16 {
                head1 |= UInt64(byte) << (8 * UInt64(length - 8))
            }
            length += 1
            if length > Self.maximumCachedLength {
                let name = String(cString: cName)
                return keep(name) ? name : nil
            }
        }
        return lookup(length: length, head0: head0, head1: head1, bytes: bytes)
    }

    /// Whether the field named by `bytes[range]` is kept.
    /// - Parameters:
    ///   - head0: the name's first 8 bytes, little-endian, zero-padded (`Self.heads`); a caller
    ///     scanning the name anyway gathers them for free.
    ///   - head1: its next 8 bytes, likewise.
    public func keeps(_ bytes: Span<UInt8>, _ range: Range<Int>, head0: UInt64, head1: UInt64) -> Bool {
        let length = range.count
        if length <= 16 { return lookup(length: length, head0: head0, head1: head1, bytes: nil) != nil }
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside its span")
        return bytes.withUnsafeBufferPointer { buffer in
            guard length <= Self.maximumCachedLength else {
                return keep(String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self))
            }
            return lookup(length: length, head0: head0, head1: head1, bytes: buffer.baseAddress! + range.lowerBound) != nil
        }
    }

    /// `head0` and `head1` of `keeps` for a name.
    public static func heads(_ bytes: Span<UInt8>, _ range: Range<Int>) -> (UInt64, UInt64) {
        var head0: UInt64 = 0
        var head1: UInt64 = 0
        for k in 0..<min(range.count, 16) {
            let byte = UInt64(bytes[range.lowerBound + k])
            if k < 8 { head0 |= byte << (8 * UInt64(k)) } else { head1 |= byte << (8 * UInt64(k - 8)) }
        }
        return (head0, head1)
    }

    /// - Parameter bytes: the whole name; nil for a name of at most 16 bytes, which the heads hold.
    private func lookup(length: Int, head0: UInt64, head1: UInt64, bytes: UnsafePointer<UInt8>?) -> String? {
        let hash = ((head0 &* 0x9E37_79B9_7F4A_7C15) ^ (head1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length))
            &* 0x1656_67B1_9E37_79F9
        let mask = Self.slotCount - 1
        var index = Int(truncatingIfNeeded: hash >> UInt64(64 - Self.slotBits)) & mask
        while true {
            let slot = slots + index
            let slotLength = Int(slot.pointee.length)
            if slotLength < 0 { break }
            if slotLength == length, slot.pointee.head0 == head0, slot.pointee.head1 == head1,
               length <= 16 || memcmp(arena + Int(slot.pointee.tailOffset), bytes! + 16, length - 16) == 0 {
                return slot.pointee.kept
            }
            index = (index + 1) & mask
        }
        return remember(length: length, head0: head0, head1: head1, bytes: bytes, inSlot: index)
    }

    /// A name seen for the first time: the predicate decides, and the answer is kept in `index`,
    /// the empty slot that ends the name's probe sequence, while there is room.
    @inline(never)
    private func remember(length: Int, head0: UInt64, head1: UInt64, bytes: UnsafePointer<UInt8>?,
                          inSlot index: Int) -> String? {
        let name: String
        if let bytes {
            name = String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        } else {
            var words = (head0.littleEndian, head1.littleEndian)
            name = withUnsafeBytes(of: &words) { String(decoding: $0.prefix(length), as: UTF8.self) }
        }
        let kept = keep(name)
        let tail = max(0, length - 16)
        if entries < Self.maximumEntries, arenaUsed + tail <= Self.arenaCapacity {
            if tail > 0 { (arena + arenaUsed).update(from: bytes! + 16, count: tail) }
            slots[index] = Slot(head0: head0, head1: head1, length: Int32(length), tailOffset: Int32(arenaUsed),
                                kept: kept ? name : nil)
            arenaUsed += tail
            entries += 1
        }
        return kept ? name : nil
    }
}
