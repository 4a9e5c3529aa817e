import AuditStream
import Findings

/// A reader output with what the reading thread works out for the storing thread: the memo key
/// (building and hashing the key of every event of a flood cost the storing thread a tenth of its
/// time) and the decoded denial (a fifth of the storing thread's time on a log of denials that
/// all differ).
struct ParsedOutput: @unchecked Sendable {
    var output: AuditLogReader.Output
    /// `RepeatedEventMemo.key` of the event; nil for any other output, for events the memo
    /// does not take, and for most events while none repeat (`DenialPredecoder.wantsKey`).
    var memoKey: RepeatedEventMemo.Key?
    /// The event's denial decoded; nil for any other output, an event without an AVC record and
    /// a repeat the reading thread saw lately (the memo answers it).
    var decoded: DecodedDenial?

    init(_ output: AuditLogReader.Output, decoding decoder: inout DenialPredecoder) {
        self.output = output
        if case .event(let event) = output {
            if decoder.wantsKey(event) { memoKey = RepeatedEventMemo.key(event) }
            decoded = decoder.decode(event, key: memoKey)
        }
    }
}
