/// A complete event: every kept record sharing one `AuditEventID`, in logged order.
public struct AuditEvent: Sendable, Equatable {
    public var id: AuditEventID
    public var records: [AuditRecord]
    /// Where the event's first line sits in its source.
    public var source: String
    public var firstLine: Int

    public init(id: AuditEventID, records: [AuditRecord], source: String, firstLine: Int) {
        self.id = id
        self.records = records
        self.source = source
        self.firstLine = firstLine
    }

    public func records(ofType type: String) -> [AuditRecord] {
        records.filter { $0.type == type }
    }

    public func first(_ type: String) -> AuditRecord? {
        records.first { $0.type == type }
    }
}
