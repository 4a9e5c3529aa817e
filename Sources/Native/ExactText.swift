#if canImport(Glibc)
import Glibc
#endif

/// A string compared and hashed by its UTF-8 bytes. Swift's String equality is Unicode
/// canonical equivalence: two paths that differ only in normalization are equal to it, but are
/// different names to the kernel and different rows to SQLite.
public struct ExactText: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The bytes are borrowed where the string keeps them contiguous (every native string): a
    /// copy to call `withUTF8` on cost a retain and a release per side, and the store's tables
    /// of interned texts compare and hash several per row.
    public static func == (a: ExactText, b: ExactText) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        if let same = a.text.utf8.withContiguousStorageIfAvailable({ p in
            b.text.utf8.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }), let same {
            return same
        }
        var x = a.text, y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in
                p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0)
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) != nil { return }
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Byte order, as SQLite's BINARY collation sorts: String's < compares canonical forms, so
    /// two spellings of one name would fall in either order.
    public static func byBytes(_ a: String, _ b: String) -> Bool {
        var x = a, y = b
        return x.withUTF8 { p in y.withUTF8 { q in p.lexicographicallyPrecedes(q) } }
    }
}
