private import CAuparse
#if canImport(Glibc)
import Glibc
#endif

/// Renders stored records the way `ausearch -i` shows them: local time stamp, and every field
/// through `auparse_interpret_field` (uids to names, syscall numbers to names, hex to text).
/// For evidence display only: interpreting unknown uids re-reads /etc/passwd each time.
public enum AuparseInterpreter {
    /// One interpreted line per record, in order; nil for a record libauparse could not read (it
    /// gives neither time stamp nor fields for an event at time 0): an empty rendering would
    /// pass for a record without fields. `lines` are the raw records of one event.
    public static func interpret(_ lines: [String]) -> [String?] {
        guard !lines.isEmpty else { return [] }
        // One event's few records: the whole text fits AUSOURCE_BUFFER.
        let text = lines.joined(separator: "\n") + "\n"
        return auparseLock.withLock { _ in text.withCString { pointer -> [String?] in
            guard let state = auparse_init(AUSOURCE_BUFFER, pointer) else { return [] }
            defer { auparse_destroy(state) }
            var out: [String?] = []
            while auparse_next_event(state) > 0 {
                repeat {
                    out.append(render(state))
                } while auparse_next_record(state) > 0
            }
            return out
        } }
    }

    private static func render(_ au: OpaquePointer) -> String? {
        guard auparse_get_timestamp(au) != nil else { return nil }
        var prefix = ""
        var fields: [String] = []
        let type = auparse_get_type_name(au).map { String(cString: $0) } ?? "UNKNOWN"
        if auparse_first_field(au) > 0 {
            repeat {
                guard let cName = auparse_get_field_name(au) else { continue }
                let name = String(cString: cName)
                if name == "type" { continue }
                let value = auparse_interpret_field(au).map { String(cString: $0) } ?? ""
                if name == "node" {
                    prefix = "node=\(value) "
                } else {
                    fields.append("\(name)=\(value)")
                }
            } while auparse_next_field(au) > 0
        }
        var stamp = ""
        if let ts = auparse_get_timestamp(au) {
            var seconds = time_t(ts.pointee.sec)
            var parts = tm()
            localtime_r(&seconds, &parts)
            func pad(_ v: Int32, _ w: Int) -> String {
                let s = String(v)
                return String(repeating: "0", count: max(0, w - s.count)) + s
            }
            stamp = "\(pad(parts.tm_mon + 1, 2))/\(pad(parts.tm_mday, 2))/\(pad(parts.tm_year + 1900, 4)) "
                + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
                + "\(pad(Int32(ts.pointee.milli), 3)):\(ts.pointee.serial)"
        }
        return "\(prefix)type=\(type) msg=audit(\(stamp)) : " + fields.joined(separator: " ")
    }
}
