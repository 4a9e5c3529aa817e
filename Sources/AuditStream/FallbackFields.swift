/// Splits a record's fields in plain Swift for the rare record libauparse rejects (a permission
/// list longer than its 256-byte buffer, a time stamp spelling it does not know), so that the
/// record's data is kept instead of dropped. Mirrors what auparse produces for the common cases:
/// `key=value` pairs, quoted values kept with their quotes, and the inner `msg='...'` of
/// user-space records flattened into the same record; `seresult` and `seperms` for AVCs.
enum FallbackFields {
    static func split(line: [UInt8], bodyStart: Int, type: String) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = [("type", type)]
        var body = Array(line[bodyStart...])
        if let gs = body.firstIndex(of: 0x1D) { body.removeSubrange(gs...) }
        if type == "AVC" || type == "USER_AVC", let perms = AVCPermissionText.parse(body) {
            fields.append(("seresult", perms.result))
            fields.append(("seperms", perms.perms.joined(separator: ",")))
        }
        tokens(body, into: &fields)
        return fields
    }

    private static func tokens(_ bytes: [UInt8], into fields: inout [(name: String, value: String)]) {
        var i = 0
        let n = bytes.count
        while i < n {
            while i < n, bytes[i] == 0x20 { i += 1 }
            let keyStart = i
            while i < n, bytes[i] != 0x3D, bytes[i] != 0x20 { i += 1 }
            guard i < n, bytes[i] == 0x3D, i > keyStart else {
                while i < n, bytes[i] != 0x20 { i += 1 }
                continue
            }
            let key = String(decoding: bytes[keyStart..<i], as: UTF8.self)
            i += 1
            let valueStart = i
            if i < n, bytes[i] == 0x22 || bytes[i] == 0x27 {
                let quote = bytes[i]
                i += 1
                while i < n, bytes[i] != quote { i += 1 }
                if key == "msg", quote == 0x27 {
                    tokens(Array(bytes[(valueStart + 1)..<i]), into: &fields)
                    i += 1
                    continue
                }
                i = min(n, i + 1)
            } else {
                while i < n, bytes[i] != 0x20 { i += 1 }
            }
            fields.append((key, String(decoding: bytes[valueStart..<i], as: UTF8.self)))
        }
    }
}
