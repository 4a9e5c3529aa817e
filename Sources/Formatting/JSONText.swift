
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
            for byte in bytes where !isPlain(byte) {
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
        if s.utf8.allSatisfy(isPlain) {
            return "\"" + s + "\""
        }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 8)
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            // Controls (C1 too: U+009B is a terminal's CSI), the line separators that end lines
            // in JavaScript, and bidirectional controls that reorder what a terminal shows: the
            // same string to a JSON reader, and inert on a screen.
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029:
                out += escaped(scalar.value)
            case let value where HiddenCharacters.isBidiControl(value):
                out += escaped(value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// A byte that needs no escape and starts no character that may: C1 controls are C2 80-9F,
    /// U+061C is D8 9C, the separators and the other bidirectional controls start with E2.
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xC2 && byte != 0xD8 && byte != 0xE2
    }

    private static func escaped(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
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
