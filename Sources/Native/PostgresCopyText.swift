/// Rows in COPY's text format: values split by tabs, a newline after each row, `\N` for NULL,
/// and backslash escapes for the bytes that would end a value or a row.
enum PostgresCopyText {
    static func append(_ row: [SQLValue], to buffer: inout [UInt8]) throws {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            switch value {
            case .null:
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
            case .integer(let v):
                buffer.append(contentsOf: String(v).utf8)
            case .real(let v):
                buffer.append(contentsOf: PostgresParameter.text(of: v).utf8)
            case .text(let s):
                try appendEscaped(s.utf8, to: &buffer)
            case .blob(let b):
                // bytea's hex input, its backslash escaped for COPY.
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "x")])
                let digits = Array("0123456789abcdef".utf8)
                for byte in b {
                    buffer.append(digits[Int(byte >> 4)])
                    buffer.append(digits[Int(byte & 0xf)])
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    private static func appendEscaped(_ bytes: String.UTF8View, to buffer: inout [UInt8]) throws {
        for byte in bytes {
            switch byte {
            case 0: throw PostgresError.nulInText
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default: buffer.append(byte)
            }
        }
    }
}
