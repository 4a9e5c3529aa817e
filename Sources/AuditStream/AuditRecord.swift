/// One record of an event as plain Swift values: auparse's fields, the raw line and where it was.
public struct AuditRecord: Sendable, Equatable {
    /// Canonical type name (`AVC`, `SYSCALL`, ...).
    public var type: String
    /// The line exactly as logged (ENRICHED part included), for evidence.
    public var raw: String
    public var line: Int
    /// Fields in logged order, values raw (quotes and hex as logged).
    public var fields: [(name: String, value: String)]

    public init(type: String, raw: String, line: Int, fields: [(name: String, value: String)]) {
        self.type = type
        self.raw = raw
        self.line = line
        self.fields = fields
    }

    public static func == (a: AuditRecord, b: AuditRecord) -> Bool {
        a.type == b.type && a.raw == b.raw && a.line == b.line
            && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
    }

    /// First raw value of a field.
    public func raw(_ name: String) -> String? {
        fields.first(where: { $0.name == name })?.value
    }

    /// A field as text: quotes removed, auditd's hex encoding of untrusted strings undone, and
    /// `?`/`(null)` read as absent.
    public func string(_ name: String) -> String? {
        guard let value = raw(name) else { return nil }
        return FieldValue.decode(name: name, value: value)
    }

    /// A field of the ENRICHED part (after 0x1D), where auditd already resolved ids to names:
    /// `AUID="alice"`. Values come unquoted.
    public func enriched(_ name: String) -> String? {
        let utf8 = raw.utf8
        guard let gs = utf8.firstIndex(of: 0x1D) else { return nil }
        let wanted = Array(name.utf8)
        for token in utf8[utf8.index(after: gs)...].split(separator: 0x20) {
            guard let eq = token.firstIndex(of: 0x3D), token[..<eq].elementsEqual(wanted) else { continue }
            return FieldValue.unquote(String(decoding: token[token.index(after: eq)...], as: UTF8.self))
        }
        return nil
    }

    /// The line's stamp is a date, as `ausearch -i` prints it: every value there is decoded
    /// already, and unquoted.
    public var isInterpreted: Bool {
        let bytes = Array(raw.utf8)
        guard case .success(let header) = RecordHeader.parse(bytes, 0..<bytes.count) else { return false }
        return header.isInterpreted
    }

    public func int(_ name: String) -> Int64? {
        guard let value = raw(name) else { return nil }
        return Int64(FieldValue.unquote(value))
    }
}
