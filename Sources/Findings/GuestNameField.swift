import AuditStream

/// The guest a libvirt record names (`vm=`). libvirt writes the name quoted, or in hex when it
/// holds spaces or quotes; `ausearch -i` prints it decoded and unquoted, so a name with spaces
/// (`vm=tenant a 26 uuid=…`) split into words, and the guest was taken for `tenant`
/// (helper-103: 161 of 5,266 denials), and a name of hex digits (`beef`, `2024`) was decoded
/// again (helper-106). libvirt writes `uuid=` right after `vm=`: the name is what lies between,
/// unless that holds another field. ausearch -i output stays ambiguous for a name that holds
/// `=` (README).
enum GuestNameField {
    static func of(_ record: AuditRecord) -> String? {
        guard let raw = record.raw("vm") else { return nil }
        guard record.isInterpreted else { return FieldValue.decode(name: "vm", value: raw) }
        if raw == "?" || raw == "(null)" { return nil }
        guard let field = record.raw.range(of: " vm=" + raw + " ") else { return FieldValue.unquote(raw) }
        let rest = record.raw[record.raw.index(field.lowerBound, offsetBy: 4)...]
        guard let uuid = rest.range(of: " uuid=") else { return FieldValue.unquote(raw) }
        let words = rest[..<uuid.lowerBound]
        return words.contains("=") ? FieldValue.unquote(raw) : String(words)
    }
}
