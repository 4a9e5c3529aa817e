import Glibc

/// NUL-terminated copies of Swift strings for C calls that take `const char *const *`, freed
/// when the call returns.
enum CStrings {
    /// A NULL-terminated array of C strings (libpq's keyword/value lists).
    static func with<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// One pointer per element, NULL for nil; each element's bytes are copied as they are (a text
    /// parameter carries its own trailing NUL).
    static func withOptionalBytes<R>(_ elements: [[UInt8]?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        if elements.isEmpty { return body(nil) }
        let copies: [UnsafeMutablePointer<CChar>?] = elements.map { bytes in
            guard let bytes else { return nil }
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, bytes.count))
            bytes.withUnsafeBytes { raw in
                if let base = raw.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: raw.count) }
            }
            return copy
        }
        defer { copies.forEach { $0?.deallocate() } }
        let pointers = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
