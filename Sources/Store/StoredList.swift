/// A set of texts stored as one comma-separated text (`pair_totals`' kinds, perms, classes and
/// nodes; a group_concat of node names). An item holding a comma would read back as two, so a
/// node named `hv01,hv02` would put an attack on two hosts: an item's `%` and `,` are written
/// `%25` and `%2C`, and read back. Other texts are written as they are, so sets stored before
/// read the same; only an older item that held `%25` or `%2C` literally reads back changed.
public enum StoredList {
    /// `items` in the order given, each escaped, joined by commas.
    public static func join(_ items: [String]) -> String {
        items.map(escape).joined(separator: ",")
    }

    /// The items of a stored set, unescaped; none for nil or empty text. An empty item (a
    /// class or permission the log left empty) is dropped, as every reader did before items
    /// were escaped, unless `keepingEmpty` (a node list, where it is the log without node=).
    public static func split(_ text: String?, keepingEmpty: Bool = false) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        // Most sets hold one item (one class, one node) with nothing escaped: no new string.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x25 }) else { return [text] }
        return text.utf8.split(separator: 0x2C, omittingEmptySubsequences: !keepingEmpty).map { unescape(String(Substring($0))) }
    }

    /// SQL that escapes the text `expression` as `join` does, for a group_concat whose items
    /// are read back by `split` (both dialects have replace()).
    public static func sqlEscaped(_ expression: String) -> String {
        "replace(replace(\(expression), '%', '%25'), ',', '%2C')"
    }

    static func escape(_ item: String) -> String {
        guard item.utf8.contains(where: { $0 == 0x2C || $0 == 0x25 }) else { return item }
        return item.replacingEvery(0x25, with: "%25").replacingEvery(0x2C, with: "%2C")
    }

    static func unescape(_ item: String) -> String {
        guard item.utf8.contains(0x25) else { return item }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(item.utf8.count)
        let utf8 = Array(item.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0x25, i + 2 < utf8.count {
                let code = (utf8[i + 1], utf8[i + 2])
                if code == (0x32, 0x35) { bytes.append(0x25); i += 3; continue }  // %25
                if code == (0x32, 0x43) { bytes.append(0x2C); i += 3; continue }  // %2C
            }
            bytes.append(utf8[i])
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension String {
    /// Every byte `byte` (ASCII) replaced by `replacement`.
    func replacingEvery(_ byte: UInt8, with replacement: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 8)
        for b in utf8 {
            if b == byte { out.append(contentsOf: replacement.utf8) } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
