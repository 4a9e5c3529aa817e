/// Rows in COPY's text format: values split by tabs, a newline after each row, `\N` for NULL,
/// and backslash escapes for the bytes that would end a value or a row.
///
/// It is the shipper's inner loop (every spool row goes through it, evidence blocks of hundreds
/// of kilobytes among them), so values are written into the buffer in place: no String per
/// integer, one copy for text that needs no escape, bytea's hex through a table.
enum PostgresCopyText {
    static func append(_ row: [SQLValue], to buffer: inout [UInt8]) throws {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            switch value {
            case .null:
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "N"))
            case .integer(let v):
                appendDecimal(v, to: &buffer)
            case .real(let v):
                buffer.append(contentsOf: PostgresParameter.text(of: v).utf8)
            case .text(let s):
                try appendEscaped(s, to: &buffer)
            case .blob(let b):
                appendHex(b, to: &buffer)
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    static func appendDecimal(_ value: Int64, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt64 = 10
        while digits < 20, magnitude >= scale {
            digits += 1
            scale &*= 10
        }
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var at = start + digits - 1
        while magnitude > 0 {
            buffer[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            at -= 1
        }
    }

    /// bytea's hex input, its backslash escaped for COPY.
    static func appendHex(_ bytes: [UInt8], to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(UInt8(ascii: "x"))
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: bytes.count * 2))
        buffer.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { input in
                var at = start
                for byte in input {
                    out[at] = hexDigit(byte >> 4)
                    out[at + 1] = hexDigit(byte & 0xf)
                    at += 2
                }
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0 || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\t")
    }

    private static func appendEscaped(_ text: String, to buffer: inout [UInt8]) throws {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: needsEscape) else { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        for byte in text.utf8 {
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
