import AuditStream
import Findings

/// Decodes denials on the reading thread (`DecodedDenial`), once per memo key seen lately: the
/// repeats of a flood are answered by the storing thread's memo, which would not use them. A
/// repeat the memo cannot answer (a lease began in between) is decoded by the correlator itself.
struct DenialPredecoder {
    private var decoder = DenialDecoder()
    private var recent: Set<RepeatedEventMemo.Key> = []
    private static let limit = 4_096

    mutating func decode(_ event: AuditEvent, key: RepeatedEventMemo.Key?) -> DecodedDenial? {
        if let key {
            if recent.contains(key) { return nil }
            if recent.count >= Self.limit { recent.removeAll(keepingCapacity: true) }
            recent.insert(key)
        }
        return decoder.decode(event)
    }
}
