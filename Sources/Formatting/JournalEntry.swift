/// One entry in systemd-journald's native protocol (the datagram sent to
/// /run/systemd/journal/socket): each field as NAME, a newline, the value's length as 64-bit
/// little-endian, the value, a newline. The length form carries any byte, newlines included, so
/// a hostile value cannot forge another field.
public struct JournalEntry: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// `name`: upper-case letters, digits and underscores, as journald requires (not checked).
    public mutating func add(_ name: String, _ value: String) {
        let value = Array(value.utf8)
        bytes += Array(name.utf8)
        bytes.append(0x0A)
        var length = UInt64(value.count)
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: length))
            length >>= 8
        }
        bytes += value
        bytes.append(0x0A)
    }

    /// A field name from any key: upper-cased, every other character an underscore.
    public static func fieldName(_ key: String, prefix: String) -> String {
        prefix + String(key.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }
}
