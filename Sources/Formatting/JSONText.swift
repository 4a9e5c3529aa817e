
/// Minimal JSON writing with stable key order: the CLI's field names are a contract, and the
/// order they print in should not change between runs.
public enum JSONText {
    /// A JSON string literal. Control characters, quotes, backslashes and the line separators
    /// that break JavaScript are escaped; everything else passes as UTF-8.
    /// Appends `s` as a JSON string literal to a byte buffer: the output path of large reports,
    /// which would otherwise build a String per field.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        // One pass over the contiguous bytes, then one copy: this writes every field of every row.
        let plain = s.withUTF8 { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2 {
                return false
            }
            out.append(0x22)
            out.append(contentsOf: bytes)
            out.append(0x22)
            return true
        }
        if !plain { out.append(contentsOf: quote(s).utf8) }
    }

    /// Appends a JSON array of strings.
    public static func appendArray(_ list: [String], to out: inout [UInt8]) {
        out.append(0x5B)
        for (i, item) in list.enumerated() {
            if i > 0 { out.append(0x2C) }
            appendQuoted(item, to: &out)
        }
        out.append(0x5D)
    }

    public static func quote(_ s: String) -> String {
        // Most strings need no escape: one scan, one concatenation.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xE2 }) {
            return "\"" + s + "\""
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        out.append(0x22)
        var iterator = s.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = iterator.next() {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20, 0x7F: out += Array("\\u00".utf8) + hexDigits(byte)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript: escape them too.
                pending = [byte]
                if let second = iterator.next() {
                    pending.append(second)
                    if second == 0x80, let third = iterator.next() {
                        if third == 0xA8 || third == 0xA9 {
                            out += Array("\\u202".utf8) + [third == 0xA8 ? 0x38 : 0x39]
                            continue
                        }
                        pending.append(third)
                    }
                }
                out += pending
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigits(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
    }

    public static func render(_ value: OutputValue) -> String {
        switch value {
        case .string(let s): return quote(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .strings(let list): return "[" + list.map(quote).joined(separator: ",") + "]"
        case .null: return "null"
        case .json(let text): return text
        }
    }

    public static func object(_ pairs: [(String, OutputValue)]) -> String {
        var out: [UInt8] = [0x7B]
        out.reserveCapacity(256)
        for (index, pair) in pairs.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendQuoted(pair.0, to: &out)
            out.append(0x3A)
            switch pair.1 {
            case .string(let s): appendQuoted(s, to: &out)
            case .int(let i): out.append(contentsOf: String(i).utf8)
            case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
            case .strings(let list): appendArray(list, to: &out)
            case .null: out.append(contentsOf: "null".utf8)
            case .json(let text): out.append(contentsOf: text.utf8)
            }
        }
        out.append(0x7D)
        return String(decoding: out, as: UTF8.self)
    }
}
