/// A node's name as a dictionary key and in comparisons, by its bytes. Swift's String equality
/// is Unicode canonical equivalence: "hôte" spelt with U+00F4 and with o + U+0302 would be one
/// node, and its guests would collide with the other's. auditd writes the name's bytes as they
/// are, and two spellings are two hosts.
public enum NodeName {
    /// The name itself when it is ASCII without `%` (every real host name), else its bytes of
    /// 0x80 and above and `%` as `%XX`: equal keys exactly when the bytes are equal.
    public static func key(_ node: String) -> String {
        if node.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x25 }) { return node }
        var out = ""
        out.reserveCapacity(node.utf8.count * 3)
        for byte in node.utf8 {
            if byte < 0x80 && byte != 0x25 {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// No node (a log without node=) and the empty name are one key, as the maps always took them.
    public static func key(_ node: String?) -> String { key(node ?? "") }

    /// The same node, by bytes; no node is only the same as no node.
    public static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return key(a) == key(b)
        default: return false
        }
    }
}
