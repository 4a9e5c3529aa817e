import AuditStream

/// A reader output with its memo key, worked out on the reading thread: building and hashing the
/// key of every event of a flood cost the storing thread a tenth of its time.
struct ParsedOutput: @unchecked Sendable {
    var output: AuditLogReader.Output
    /// `RepeatedEventMemo.key` of the event; nil for any other output and for events the memo
    /// does not take.
    var memoKey: RepeatedEventMemo.Key?

    init(_ output: AuditLogReader.Output) {
        self.output = output
        if case .event(let event) = output { memoKey = RepeatedEventMemo.key(event) }
    }
}
