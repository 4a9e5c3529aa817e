import AuditStream

/// `AuditRecord`'s field readers, for a raw value already picked out of the record: the decoders
/// here take all the fields they want in one pass instead of one scan per name. Each keeps the
/// meaning of `string`, `int` and `number` exactly; the common shapes (a plain word, a quoted
/// string, a plain decimal) are read here directly and everything else goes to `FieldValue` and
/// `NumericField` as before.
enum RecordFields {
    /// `raw(name)` gives the first field of a name; a one-pass pick keeps the first too.
    @inline(__always)
    static func keepFirst(_ slot: inout String?, _ value: String) {
        if slot == nil { slot = value }
    }

    /// As `AuditRecord.raw`, reading the fields in place: `raw` copies each (name, value) pair
    /// it passes, touching every value's memory.
    static func first(_ name: String, in record: AuditRecord) -> String? {
        let fields = record.fields
        for index in fields.indices where fields[index].name == name { return fields[index].value }
        return nil
    }

    /// As `AuditRecord.string`.
    static func text(_ raw: String?, _ name: String) -> String? {
        guard let raw else { return nil }
        return decode(name: name, value: raw)
    }

    /// As `FieldValue.decode`. A value that is not even-length hex is never hex-decoded, whatever
    /// the field, so only those values need `FieldValue`'s per-field rules.
    static func decode(name: String, value: String) -> String? {
        guard #available(macOS 26, *) else { return FieldValue.decode(name: name, value: value) }
        let bytes = value.utf8.span
        let count = bytes.count
        guard count > 0 else { return value }
        let first = bytes[0]
        if first == 0x22 || first == 0x27 {
            guard count >= 2, bytes[count - 1] == first else { return value }
            return String(Substring(value.utf8.dropFirst().dropLast()))
        }
        if count == 1 && first == 0x3F { return nil }
        if count == 6 && first == 0x28 && (value == "(null)" || value == "(none)") { return nil }
        if count % 2 == 1 { return value }
        for i in 0..<count where !isHexDigit(bytes[i]) { return value }
        return FieldValue.decode(name: name, value: value)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x46, 0x61...0x66: return true
        default: return false
        }
    }

    /// As `AuditRecord.int`.
    static func int(_ raw: String?) -> Int64? {
        guard let raw else { return nil }
        if let value = plainDecimal(raw) { return value }
        return Int64(FieldValue.unquote(raw))
    }

    /// As `AuditRecord.number`.
    static func number(_ raw: String?, in range: ClosedRange<Int64>) -> NumericField {
        guard let raw else { return .absent }
        if let value = plainDecimal(raw) { return range.contains(value) ? .value(value) : .outOfRange(raw) }
        return NumericField.read(raw, in: range)
    }

    /// As `AuditRecord.checkedNumber`.
    static func checkedNumber(_ raw: String?, _ name: String, of type: String, in range: ClosedRange<Int64>,
                              problems: inout [String]) -> Int64? {
        switch number(raw, in: range) {
        case .absent: return nil
        case .value(let value): return value
        case .outOfRange(let text):
            problems.append(NumericField.reason(type: type, field: name, text: text, range: range))
            return nil
        }
    }

    /// One to eighteen ASCII digits, perhaps after a minus: always an Int64, read as `Int64(_:)`
    /// reads it. nil for anything else (quotes, a plus, more digits), left to the general readers.
    static func plainDecimal(_ text: String) -> Int64? {
        guard #available(macOS 26, *) else { return nil }
        let bytes = text.utf8.span
        let negative = bytes.count > 0 && bytes[0] == 0x2D
        var i = negative ? 1 : 0
        guard bytes.count - i >= 1, bytes.count - i <= 18 else { return nil }
        var value: Int64 = 0
        while i < bytes.count {
            let digit = bytes[i] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            i += 1
        }
        return negative ? -value : value
    }
}
