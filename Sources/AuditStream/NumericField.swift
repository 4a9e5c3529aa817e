/// A numeric field read against the range its kernel type allows. auditd writes these as plain
/// decimals; a value that looks like a number but does not fit is a corrupt or crafted record and
/// is reported, never trapped on, never silently taken. Names (`uid=root`, `exit=EACCES(...)` in
/// `ausearch -i` output) are not numbers and read as absent, as before.
public enum NumericField: Equatable, Sendable {
    case absent
    case value(Int64)
    /// The field's text, for the report.
    case outOfRange(String)

    /// pid_t.
    public static let pidRange: ClosedRange<Int64> = 0...Int64(Int32.max)
    /// uid_t, auid included (4294967295 is auditd's "unset").
    public static let uidRange: ClosedRange<Int64> = 0...Int64(UInt32.max)
    /// ino_t is 64 bits unsigned; the store keeps signed 64-bit integers.
    public static let inodeRange: ClosedRange<Int64> = 0...Int64.max
    /// A syscall's `long` return value.
    public static let exitRange: ClosedRange<Int64> = Int64.min...Int64.max

    public var number: Int64? {
        if case .value(let n) = self { return n }
        return nil
    }

    /// Reads `text` (quotes allowed) as a decimal number within `range`.
    public static func read(_ text: String, in range: ClosedRange<Int64>) -> NumericField {
        let unquoted = FieldValue.unquote(text)
        let utf8 = unquoted.utf8
        let digits = utf8.first == 0x2D ? utf8.dropFirst() : utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .absent }
        guard let value = Int64(unquoted), range.contains(value) else { return .outOfRange(unquoted) }
        return .value(value)
    }

    /// Why a field was not taken, for a parse issue.
    public static func reason(type: String, field: String, text: String, range: ClosedRange<Int64>) -> String {
        let shown = text.utf8.count > 40 ? String(decoding: Array(text.utf8.prefix(40)), as: UTF8.self) + "..." : text
        return "\(type) record: \(field)=\(shown) is out of range (\(range.lowerBound)...\(range.upperBound)); kept without it"
    }
}

extension AuditRecord {
    /// A numeric field checked against `range`.
    public func number(_ name: String, in range: ClosedRange<Int64>) -> NumericField {
        guard let value = raw(name) else { return .absent }
        return NumericField.read(value, in: range)
    }
}
