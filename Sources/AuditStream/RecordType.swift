/// What the reader does with a record type. Only a few record types matter to sVirt; everything
/// else is counted and dropped before it reaches auparse, which is what makes ingest cheaper than
/// walking the whole log.
public enum RecordRole: Sendable, Equatable {
    /// Starts or belongs to an event we keep.
    case wanted
    /// Kept only as context of an event that already holds a wanted record (SYSCALL, CWD, PATH,
    /// PROCTITLE). The kernel writes AVC and MAC_* records before these, so the wanted record is
    /// always seen first.
    case context
    /// Closes an event (EOE).
    case endOfEvent
    case ignored
}

public enum RecordType {
    /// Names as auditd writes them, plus the numeric spellings an older auditd or a kernel
    /// console uses for types it has no name for.
    static let wanted: Set<String> = [
        "AVC", "USER_AVC", "SELINUX_ERR", "USER_SELINUX_ERR",
        "MAC_STATUS", "MAC_CONFIG_CHANGE", "MAC_POLICY_LOAD",
        "VIRT_MACHINE_ID", "VIRT_CONTROL", "VIRT_RESOURCE",
        // No guest survives a reboot: lease data is complete after it (coverage).
        "SYSTEM_BOOT",
    ]
    static let context: Set<String> = ["SYSCALL", "CWD", "PATH", "PROCTITLE"]
    static let numericNames: [String: String] = [
        "1107": "USER_AVC", "1400": "AVC", "1401": "SELINUX_ERR", "1403": "MAC_POLICY_LOAD",
        "1404": "MAC_STATUS", "1405": "MAC_CONFIG_CHANGE", "2500": "VIRT_CONTROL",
        "2501": "VIRT_RESOURCE", "2502": "VIRT_MACHINE_ID", "1127": "SYSTEM_BOOT",
    ]

    /// Canonical name for a logged type token (`AVC`, `1400`, `UNKNOWN[1400]`).
    public static func canonicalName(_ token: String) -> String {
        if let name = numericNames[token] { return name }
        if token.hasPrefix("UNKNOWN["), token.hasSuffix("]") {
            let number = String(token.dropFirst(8).dropLast())
            if let name = numericNames[number] { return name }
        }
        return token
    }

    public static func role(of canonicalName: String) -> RecordRole {
        if wanted.contains(canonicalName) { return .wanted }
        if context.contains(canonicalName) { return .context }
        if canonicalName == "EOE" { return .endOfEvent }
        return .ignored
    }

    private static let byteNames: [(bytes: [UInt8], name: String, role: RecordRole)] =
        (wanted.map { ($0, RecordRole.wanted) } + context.map { ($0, .context) } + [("EOE", .endOfEvent)])
            .map { (Array($0.0.utf8), $0.0, $0.1) }

    /// Role of the type token at `range`, compared byte-wise; nil for a type we drop. Numeric and
    /// `UNKNOWN[n]` spellings are rare and take the slow path.
    static func classify(_ bytes: Span<UInt8>, _ range: Range<Int>) -> (String, RecordRole)? {
        let count = range.count
        candidates: for entry in byteNames where entry.bytes.count == count {
            var k = 0
            while k < count {
                if bytes[range.lowerBound + k] != entry.bytes[k] { continue candidates }
                k += 1
            }
            return (entry.name, entry.role)
        }
        let first = bytes[range.lowerBound]
        guard (first >= 0x30 && first <= 0x39) || first == 0x55 /* U */ else { return nil }
        var token: [UInt8] = []
        for k in range { token.append(bytes[k]) }
        let name = canonicalName(String(decoding: token, as: UTF8.self))
        let role = role(of: name)
        return role == .ignored ? nil : (name, role)
    }

    /// Records that a user-space program writes as a whole event of one record.
    static func isSingleRecordEvent(_ canonicalName: String) -> Bool {
        switch canonicalName {
        case "USER_AVC", "USER_SELINUX_ERR", "VIRT_MACHINE_ID", "VIRT_CONTROL", "VIRT_RESOURCE", "SYSTEM_BOOT": return true
        default: return false
        }
    }
}
