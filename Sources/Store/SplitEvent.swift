/// The rule by which two stored pieces make one event: auditd rotates its log between records,
/// so one event's AVC can end a file and its SYSCALL, CWD, PATH and PROCTITLE start the next.
///
/// Two reads of one event from two sources (a host's log and a central copy, raw and ENRICHED,
/// or an `ausearch -i` export) hold the same kinds of record in different text. So pieces are
/// told by kind, not by text: the second piece's records that the first does not hold word for
/// word must all be of kinds the first has none of (a PATH counts by its `item=`, since an event
/// holds one per path). Otherwise the second read is the same event again, as it always was.
public enum SplitEvent {
    /// The indices of `second`'s records that continue `first`; nil when `second` is not its
    /// continuation (nothing new, or a kind `first` already holds).
    public static func continuation(of first: [(type: String, raw: String)], in second: [(type: String, raw: String)]) -> [Int]? {
        guard !first.isEmpty else { return nil }
        let texts = Set(first.map(\.raw))
        let kinds = Set(first.map(kind(of:)))
        let added = second.indices.filter { !texts.contains(second[$0].raw) }
        guard !added.isEmpty, added.allSatisfy({ !kinds.contains(kind(of: second[$0])) }) else { return nil }
        return added
    }

    static func kind(of record: (type: String, raw: String)) -> String {
        guard record.type == "PATH" else { return record.type }
        guard let range = record.raw.range(of: " item=") else { return "PATH" }
        return "PATH " + record.raw[range.upperBound...].prefix(while: { $0 != " " })
    }
}
