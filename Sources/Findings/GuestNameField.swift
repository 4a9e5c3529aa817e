import AuditStream

/// The guest a libvirt record names (`vm=`). libvirt writes the name quoted, or in hex when it
/// holds spaces or quotes; `ausearch -i` prints it decoded and unquoted, so a name with spaces
/// (`vm=tenant a 26 uuid=…`) split into words, and the guest was taken for `tenant`
/// (helper-103: 161 of 5,266 denials). libvirt writes `uuid=` right after `vm=`: the name is what
/// lies between, unless that holds another field.
enum GuestNameField {
    static func of(_ record: AuditRecord) -> String? {
        guard let raw = record.raw("vm"), let decoded = FieldValue.decode(name: "vm", value: raw) else { return nil }
        guard let first = raw.utf8.first, first != 0x22, first != 0x27, FieldValue.hexBytes(raw) == nil,
              let field = record.raw.range(of: " vm=" + raw + " ") else { return decoded }
        let rest = record.raw[record.raw.index(field.lowerBound, offsetBy: 4)...]
        guard let uuid = rest.range(of: " uuid=") else { return decoded }
        let words = rest[..<uuid.lowerBound]
        return words.contains("=") ? decoded : String(words)
    }
}
