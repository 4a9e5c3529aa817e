import AuditStream

/// The ENRICHED part of a record (after 0x1D) read once for several names, as
/// `AuditRecord.enriched` reads it for one: a denial wants two of them from its SYSCALL record, and
/// finding the separator is a walk over the whole line.
struct EnrichedFields {
    /// Empty when the record has no ENRICHED part.
    private var values: [String?] = []

    /// - Parameter names: the values come back in this order, each the first token of that name.
    init(_ raw: String, names: [String]) {
        guard let separator = Self.separatorOffset(raw) else { return }
        values = Array(repeating: nil, count: names.count)
        let utf8 = raw.utf8
        let rest = utf8[utf8.index(utf8.startIndex, offsetBy: separator + 1)...]
        let wanted = names.map { Array($0.utf8) }
        var missing = names.count
        for token in rest.split(separator: 0x20) where missing > 0 {
            guard let eq = token.firstIndex(of: 0x3D) else { continue }
            let key = token[..<eq]
            for index in wanted.indices where values[index] == nil && key.elementsEqual(wanted[index]) {
                values[index] = FieldValue.unquote(String(decoding: token[token.index(after: eq)...], as: UTF8.self))
                missing -= 1
            }
        }
    }

    subscript(index: Int) -> String? { values.isEmpty ? nil : values[index] }

    /// Where 0x1D is, if anywhere. Most logs have no ENRICHED part, so this usually walks the
    /// whole line: first with a min over every byte, a loop without an early exit that the
    /// compiler turns into vector instructions (twenty times faster than a byte-by-byte search),
    /// then to the byte only if it is there.
    static func separatorOffset(_ raw: String) -> Int? {
        if #available(macOS 26, *) {
            let bytes = raw.utf8.span
            var least: UInt8 = 0xFF
            for i in 0..<bytes.count { least = min(least, bytes[i] ^ 0x1D) }
            guard least == 0 else { return nil }
            for i in 0..<bytes.count where bytes[i] == 0x1D { return i }
            return nil
        }
        return raw.utf8.firstIndex(of: 0x1D).map { raw.utf8.distance(from: raw.utf8.startIndex, to: $0) }
    }
}
