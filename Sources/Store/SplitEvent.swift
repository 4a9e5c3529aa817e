/// The rule by which two stored pieces make one event: auditd rotates its log between records,
/// so one event's AVC can end a file and its SYSCALL, CWD, PATH and PROCTITLE start the next.
///
/// Two reads of one event from two sources (a host's log and a central copy, raw and ENRICHED,
/// or an `ausearch -i` export) hold the same kinds of record in different text. So pieces are
/// told by kind, not by text: the second piece's records that the first does not hold word for
/// word must all be of kinds the first has none of (a PATH counts by its `item=`, since an event
/// holds one per path). Otherwise the second read is the same event again, as it always was.
///
/// An event may hold several AVC records (one per object or permission check), and a rotation
/// may fall between two of them: an AVC is told by what it denies (permissions, contexts, class,
/// device, inode, pid), which every spelling keeps, not by its kind. Told by kind, the second
/// piece of such an event was taken for the first again and dropped with its denial, SYSCALL and
/// PATH (helper-83).
public enum SplitEvent {
    /// The indices of `second`'s records that continue `first`; nil when `second` is not its
    /// continuation (nothing new, a kind `first` already holds, or an AVC it already holds).
    /// - Parameter avcsByDenial: AVCs told by what they deny, for pieces from two sources. A
    ///   source read again at the same line keeps the kind rule: its stored event may hold a cut
    ///   AVC (the end of the input then), which its complete version replaces, not continues.
    public static func continuation(of first: [(type: String, raw: String)], in second: [(type: String, raw: String)],
                                    avcsByDenial: Bool = true) -> [Int]? {
        guard !first.isEmpty else { return nil }
        let texts = Set(first.map(\.raw))
        let kinds = Set(first.map(kind(of:)))
        let denials = Set(first.filter { isAVC($0.type) }.map { avcIdentity($0.raw) })
        let added = second.indices.filter { !texts.contains(second[$0].raw) }
        guard !added.isEmpty, added.allSatisfy({ index in
            let record = second[index]
            return avcsByDenial && isAVC(record.type) ? !denials.contains(avcIdentity(record.raw)) : !kinds.contains(kind(of: record))
        }) else { return nil }
        return added
    }

    static func isAVC(_ type: String) -> Bool { type == "AVC" || type == "USER_AVC" }

    /// What an AVC denies, as raw, ENRICHED and `ausearch -i` spellings all write it: the
    /// permissions in braces, then scontext, tcontext, tclass, dev, ino and pid as logged (names
    /// and paths are left out: hex in one spelling, decoded in another).
    static func avcIdentity(_ raw: String) -> String {
        var text = Substring(raw)
        if let separator = text.firstIndex(of: "\u{1D}") { text = text[..<separator] }
        var parts: [Substring] = []
        var rest = text[...]
        if let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
            parts.append(contentsOf: text[text.index(after: open)..<close].split(separator: " ").sorted())
            rest = text[text.index(after: close)...]
        }
        parts.append("|")
        let tokens = rest.split(whereSeparator: { $0 == " " || $0 == "'" })
        for name in ["scontext=", "tcontext=", "tclass=", "dev=", "ino=", "pid="] {
            parts.append(tokens.first(where: { $0.hasPrefix(name) }) ?? Substring(name))
        }
        return parts.joined(separator: " ")
    }

    static func kind(of record: (type: String, raw: String)) -> String {
        guard record.type == "PATH" else { return record.type }
        guard let range = record.raw.range(of: " item=") else { return "PATH" }
        return "PATH " + record.raw[range.upperBound...].prefix(while: { $0 != " " })
    }
}
