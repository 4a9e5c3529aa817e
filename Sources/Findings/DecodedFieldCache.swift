import AuditStream
import Native

/// Decoded values of one field by their raw bytes (String's == takes two spellings of an accented
/// letter for one, and the value shown must be the event's own), for a field whose few values repeat on every
/// event and cost real work to decode: QEMU's proctitle is hex of a NUL-separated argv.
struct DecodedFieldCache {
    let name: String
    private var decoded: [ExactText: String?] = [:]
    private static let limit = 1024

    init(name: String) { self.name = name }

    /// As `AuditRecord.string(name)` for a record whose first `name` field holds `raw`.
    mutating func text(_ raw: String?) -> String? {
        guard let raw else { return nil }
        if let known = decoded[ExactText(raw)] { return known }
        // Past the limit the values do not repeat much: start over rather than grow.
        if decoded.count >= Self.limit { decoded.removeAll(keepingCapacity: true) }
        let value = FieldValue.decode(name: name, value: raw)
        decoded[ExactText(raw)] = .some(value)
        return value
    }
}
