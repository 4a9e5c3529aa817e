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

    /// The fields an AVC is read for, taken in one pass over the record: `AuditRecord.raw` scans
    /// every field once per name asked for. Each holds the first raw value, as `raw` would give.
    private struct Fields {
        var seresult: String?, seperms: String?, scontext: String?, tcontext: String?, tclass: String?
        var permissive: String?, pid: String?, ino: String?, comm: String?, name: String?, dev: String?
        /// USER_AVC: the `pid` inside its message text (the outer one is the object manager that
        /// sent it: dbus-daemon, systemd, libvirt), and dbus's `spid`.
        var innerPid: String?, spid: String?

        init(_ record: AuditRecord) {
            // By length first: a switch over the names alone compares each field with every case.
            let fields = record.fields
            for index in fields.indices {
                let name = fields[index].name
                switch name.utf8.count {
                case 3:
                    if name == "pid" {
                        if pid == nil { pid = fields[index].value } else { RecordFields.keepFirst(&innerPid, fields[index].value) }
                    }
                    else if name == "ino" { RecordFields.keepFirst(&ino, fields[index].value) }
                    else if name == "dev" { RecordFields.keepFirst(&dev, fields[index].value) }
                case 4:
                    if name == "comm" { RecordFields.keepFirst(&comm, fields[index].value) }
                    else if name == "name" { RecordFields.keepFirst(&self.name, fields[index].value) }
                    else if name == "spid" { RecordFields.keepFirst(&spid, fields[index].value) }
                case 6:
                    if name == "tclass" { RecordFields.keepFirst(&tclass, fields[index].value) }
                case 7:
                    if name == "seperms" { RecordFields.keepFirst(&seperms, fields[index].value) }
                case 8:
                    if name == "scontext" { RecordFields.keepFirst(&scontext, fields[index].value) }
                    else if name == "tcontext" { RecordFields.keepFirst(&tcontext, fields[index].value) }
                    else if name == "seresult" { RecordFields.keepFirst(&seresult, fields[index].value) }
                case 10:
                    if name == "permissive" { RecordFields.keepFirst(&permissive, fields[index].value) }
                default:
                    break
                }
            }
        }
    }

    /// - Parameter problems: gets a reason for each numeric field left out as out of range.
    static func decode(_ record: AuditRecord, problems: inout [String]) throws -> AVCDetail {
        var lists = PermissionLists()
        return try decode(record, problems: &problems, lists: &lists)
    }

    /// - Parameter lists: `seperms` already split, kept by the caller across records.
    static func decode(_ record: AuditRecord, problems: inout [String], lists: inout PermissionLists) throws -> AVCDetail {
        let fields = Fields(record)
        // auparse builds seresult/seperms for kernel AVCs only; USER_AVC needs the text itself.
        let seresult: String
        let perms: [String]
        if let result = fields.seresult, let seperms = fields.seperms {
            seresult = result
            perms = lists.perms(seperms)
        } else if let text = AVCPermissionText.parse(record.raw) {
            seresult = text.result
            perms = text.perms
        } else {
            throw Failure.noPermissionList(record.type)
        }
        guard let scontext = RecordFields.text(fields.scontext, "scontext") else {
            throw Failure.missingField(record.type, "scontext")
        }
        guard let tcontext = RecordFields.text(fields.tcontext, "tcontext") else {
            throw Failure.missingField(record.type, "tcontext")
        }
        guard let tclass = RecordFields.text(fields.tclass, "tclass") else { throw Failure.missingField(record.type, "tclass") }
        let permissive = RecordFields.int(fields.permissive).map { $0 != 0 }
        // The denied process: for a USER_AVC the one its message names, never the sender's pid.
        let deniedPid = record.type == "USER_AVC" ? fields.innerPid ?? fields.spid : fields.pid
        let pid = RecordFields.checkedNumber(deniedPid, "pid", of: record.type, in: NumericField.pidRange, problems: &problems)
        let ino = RecordFields.checkedNumber(fields.ino, "ino", of: record.type, in: NumericField.inodeRange,
                                             problems: &problems)
        var detail = AVCDetail(recordType: record.type, seresult: seresult, perms: perms, scontext: scontext,
                               tcontext: tcontext, tclass: tclass, permissive: permissive, pid: pid,
                               comm: RecordFields.text(fields.comm, "comm"), name: RecordFields.text(fields.name, "name"),
                               dev: RecordFields.text(fields.dev, "dev"), ino: ino)
        detail.line = record.line
        return detail
    }
}
