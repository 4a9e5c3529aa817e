/// auditd's value encodings. Strings an attacker can influence (names, paths, comm, guest names)
/// are logged either in double quotes or, when they hold spaces, quotes or control bytes, as
/// uppercase hex. Decoding happens here once; escaping for output happens at the output.
public enum FieldValue {
    /// Fields that auditd or libvirt may hex-encode.
    static let encodedFields: Set<String> = [
        "comm", "exe", "name", "cwd", "proctitle", "vm", "path", "acct", "cmd", "key", "hostname",
        "device", "cgroup", "terminal",
    ]

    public static func decode(name: String, value: String) -> String? {
        let utf8 = value.utf8
        if value == "?" || value == "(null)" || value == "(none)" { return nil }
        // Byte checks, not Character ones: this runs for every field read.
        if utf8.count >= 2, let first = utf8.first, first == utf8.last, first == 0x22 || first == 0x27 {
            return String(Substring(utf8.dropFirst().dropLast()))
        }
        if encodedFields.contains(name) || name.utf8.starts(with: "old-".utf8) || name.utf8.starts(with: "new-".utf8),
           let bytes = hexBytes(value) {
            if name == "proctitle" {
                // argv is NUL-separated; show it as a command line.
                let argv = bytes.split(separator: 0, omittingEmptySubsequences: false)
                    .map { String(decoding: $0, as: UTF8.self) }
                return argv.joined(separator: " ").trimmingTrailingSpaces()
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return value
    }

    public static func unquote(_ value: String) -> String {
        let utf8 = value.utf8
        if utf8.count >= 2, utf8.first == 0x22, utf8.last == 0x22 { return String(Substring(utf8.dropFirst().dropLast())) }
        return value
    }

    /// Even-length uppercase (or lowercase) hex, as auditd writes it.
    public static func hexBytes(_ s: String) -> [UInt8]? {
        let utf8 = Array(s.utf8)
        guard !utf8.isEmpty, utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
