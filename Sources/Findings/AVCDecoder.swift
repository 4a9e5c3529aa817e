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

    /// - Parameter problems: gets a reason for each numeric field left out as out of range.
    static func decode(_ record: AuditRecord, problems: inout [String]) throws -> AVCDetail {
        // auparse builds seresult/seperms for kernel AVCs only; USER_AVC needs the text itself.
        let seresult: String
        let perms: [String]
        if let result = record.raw("seresult"), let seperms = record.raw("seperms") {
            seresult = result
            perms = seperms.split(separator: ",").map(String.init)
        } else if let text = AVCPermissionText.parse(record.raw) {
            seresult = text.result
            perms = text.perms
        } else {
            throw Failure.noPermissionList(record.type)
        }
        guard let scontext = record.string("scontext") else { throw Failure.missingField(record.type, "scontext") }
        guard let tcontext = record.string("tcontext") else { throw Failure.missingField(record.type, "tcontext") }
        guard let tclass = record.string("tclass") else { throw Failure.missingField(record.type, "tclass") }
        let permissive = record.int("permissive").map { $0 != 0 }
        let pid = record.checkedNumber("pid", in: NumericField.pidRange, problems: &problems)
        let ino = record.checkedNumber("ino", in: NumericField.inodeRange, problems: &problems)
        var detail = AVCDetail(recordType: record.type, seresult: seresult, perms: perms, scontext: scontext,
                               tcontext: tcontext, tclass: tclass, permissive: permissive, pid: pid,
                               comm: record.string("comm"), name: record.string("name"), dev: record.string("dev"),
                               ino: ino)
        detail.line = record.line
        return detail
    }
}
