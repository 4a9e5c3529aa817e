/// A node's name spelled for a file name (a watch's lock, a fleet writer's spool): letters,
/// digits, '.', '_' and '-' as they are, every other byte as %XX, so that two nodes never
/// share a file.
public enum NodeFileName {
    public static func spelled(_ node: String) -> String {
        var name = ""
        for byte in node.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                name.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                name += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return name
    }

    /// `name` as it is, or, past the 255 bytes a file name may have, `prefix` and a hash of
    /// `identity` (FNV-1a: a file name, not a security boundary).
    public static func fitted(_ name: String, orHashOf identity: String, prefix: String, suffix: String) -> String {
        guard name.utf8.count > 255 else { return name }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in identity.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return prefix + String(hash, radix: 16) + suffix
    }
}
