/// A complete event: every kept record sharing one `AuditEventID`, in logged order.
public struct AuditEvent: Sendable, Equatable {
    public var id: AuditEventID
    public var records: [AuditRecord]
    /// Where the event's first line sits in its source.
    public var source: String
    public var firstLine: Int
    /// Context records only (SYSCALL, CWD, PATH, PROCTITLE), from the very top of a source read
    /// from its start: the rest of an event whose AVC a rotation left at the end of the previous
    /// file, or an event of no interest. Only the store can tell which (`SplitEvent`); it is never
    /// an event of its own.
    public var isHeadFragment: Bool
    /// Holds the input's last line, read without its newline: a log being written may not be
    /// done with it. What is wrong with such an event is judged again when a later run reads
    /// the line complete.
    public var endsUnterminated: Bool

    public init(id: AuditEventID, records: [AuditRecord], source: String, firstLine: Int, isHeadFragment: Bool = false,
                endsUnterminated: Bool = false) {
        self.id = id
        self.records = records
        self.source = source
        self.firstLine = firstLine
        self.isHeadFragment = isHeadFragment
        self.endsUnterminated = endsUnterminated
    }

    public func records(ofType type: String) -> [AuditRecord] {
        records.filter { $0.type == type }
    }

    public func first(_ type: String) -> AuditRecord? {
        records.first { $0.type == type }
    }
}
