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
        let fromText = permissionText(in: record.raw)
        guard let seresult = record.raw("seresult") ?? fromText?.result else {
            throw Failure.noPermissionList(record.type)
        }
        let perms: [String]
        if let seperms = record.raw("seperms") {
            perms = seperms.split(separator: ",").map(String.init)
        } else if let text = fromText {
            perms = text.perms
        } else {
            throw Failure.noPermissionList(record.type)
        }
        guard let scontext = record.string("scontext") else { throw Failure.missingField(record.type, "scontext") }
        guard let tcontext = record.string("tcontext") else { throw Failure.missingField(record.type, "tcontext") }
        guard let tclass = record.string("tclass") else { throw Failure.missingField(record.type, "tclass") }
        let permissive = record.int("permissive").map { $0 != 0 }
        return AVCDetail(recordType: record.type, seresult: seresult, perms: perms, scontext: scontext,
                         tcontext: tcontext, tclass: tclass, permissive: permissive, pid: record.int("pid"),
                         comm: record.string("comm"), name: record.string("name"), dev: record.string("dev"),
                         ino: record.int("ino"))
    }

    /// `avc:  denied  { read write } for` anywhere in the record.
    static func permissionText(in raw: String) -> (result: String, perms: [String])? {
        guard let avc = raw.range(of: "avc:") else { return nil }
        let rest = raw[avc.upperBound...]
        guard let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") else { return nil }
        let result = rest[..<open].trimmingCharacters(in: " ")
        guard result == "denied" || result == "granted" else { return nil }
        let perms = rest[rest.index(after: open)..<close].split(separator: " ").map(String.init)
        return (String(result), perms)
    }
}
