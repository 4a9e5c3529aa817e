import AuditStream

/// Reads AVC and USER_AVC records into `AVCDetail`.
enum AVCDecoder {
    enum Failure: Error, CustomStringConvertible {
        case missingField(String, String)
        case noPermissionList(String)

        var description: String {
            switch self {
            case .missingField(let type, let field): return "\(type) record has no \(field) field (truncated?)"
            case .noPermissionList(let type): return "\(type) record has no \"avc: denied|granted { ... }\" text"
            }
        }
    }

    static func decode(_ record: AuditRecord) throws -> AVCDetail {
        // auparse builds seresult/seperms for kernel AVCs only; USER_AVC needs the text itself.
        let seresult: String
        let perms: [String]
        if let result = record.raw("seresult"), let seperms = record.raw("seperms") {
            seresult = result
            perms = seperms.split(separator: ",").map(String.init)
        } else if let text = permissionText(in: record.raw) {
            seresult = text.result
            perms = text.perms
        } else {
            throw Failure.noPermissionList(record.type)
        }
        guard let scontext = record.string("scontext") else { throw Failure.missingField(record.type, "scontext") }
        guard let tcontext = record.string("tcontext") else { throw Failure.missingField(record.type, "tcontext") }
        guard let tclass = record.string("tclass") else { throw Failure.missingField(record.type, "tclass") }
        let permissive = record.int("permissive").map { $0 != 0 }
        var detail = AVCDetail(recordType: record.type, seresult: seresult, perms: perms, scontext: scontext,
                               tcontext: tcontext, tclass: tclass, permissive: permissive, pid: record.int("pid"),
                               comm: record.string("comm"), name: record.string("name"), dev: record.string("dev"),
                               ino: record.int("ino"))
        detail.line = record.line
        return detail
    }

    /// `avc:  denied  { read write } for` anywhere in the record.
    /// Text pasted from mail or web pages can carry no-break spaces; they separate words here too.
    static func permissionText(in raw: String) -> (result: String, perms: [String])? {
        var utf8 = Array(raw.utf8)
        if utf8.contains(0xC2) {
            utf8 = Array(raw.replacingNoBreakSpaces().utf8)
        }
        let marker = Array("avc:".utf8)
        guard utf8.count >= marker.count,
              let start = (0...(utf8.count - marker.count)).first(where: { utf8[$0..<($0 + 4)].elementsEqual(marker) })
        else { return nil }
        let rest = utf8[(start + marker.count)...]
        guard let open = rest.firstIndex(of: 0x7B), let close = rest[open...].firstIndex(of: 0x7D) else { return nil }
        let result = String(decoding: rest[..<open], as: UTF8.self).trimmingCharacters(in: " ")
        guard result == "denied" || result == "granted" else { return nil }
        let perms = rest[(open + 1)..<close].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
            .map { String(decoding: $0, as: UTF8.self) }
        return (String(result), perms)
    }
}

extension String {
    fileprivate func replacingNoBreakSpaces() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{A0}" ? " " : $0 }))
    }
}
