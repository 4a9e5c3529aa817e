import Findings

/// Minimal JSON writing with stable key order: the CLI's field names are a contract, and the
/// order they print in should not change between runs.
public enum JSONText {
    /// A JSON string literal. Control characters, quotes, backslashes and the line separators
    /// that break JavaScript are escaped; everything else passes as UTF-8.
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    public static func render(_ value: DetailValue) -> String {
        switch value {
        case .string(let s): return quote(s)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .strings(let list): return "[" + list.map(quote).joined(separator: ",") + "]"
        case .null: return "null"
        }
    }

    public static func object(_ pairs: [(String, DetailValue)]) -> String {
        "{" + pairs.map { quote($0.0) + ":" + render($0.1) }.joined(separator: ",") + "}"
    }
}
