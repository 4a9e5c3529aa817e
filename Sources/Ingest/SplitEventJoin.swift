import AuditStream
import Findings
import Store

/// Makes one event of the two pieces a rotation split it into (`SplitEvent`): the stored piece's
/// raw records, then the new piece's, read again as one event by a reader of their own, so that
/// the correlator sees the AVC beside its SYSCALL and PATH as if they had never been apart.
enum SplitEventJoin {
    /// nil when the records do not read back as exactly one event with the new piece's identity
    /// (a stored piece damaged or edited): the new piece is then taken for the same event again.
    /// - Parameter added: the indices of the piece's records that the stored piece lacks.
    /// - Parameters:
    ///   - storedSource: the source the stored piece is stored under.
    ///   - pieceSource: the source the new piece was read from.
    /// - Returns: the event, and per record the source it was read from.
    static func join(_ stored: [EvidenceFormat.Record], line: Int64?, storedSource: Int64, with piece: AuditEvent,
                     pieceSource: Int64, added: [Int], defaultNode: String?) throws -> (event: AuditEvent, sources: [Int64])? {
        // In the order the kernel writes them, as far as it matters to the reader: PROCTITLE
        // closes an event, so it goes last, wherever the pieces held it.
        let joined = (stored.map { (raw: $0.raw, line: Int($0.line ?? 0), type: $0.type, source: $0.sourceID ?? storedSource) }
            + added.map { (raw: piece.records[$0].raw, line: piece.records[$0].line, type: piece.records[$0].type,
                           source: pieceSource) })
        let ordered = joined.filter { $0.type != "PROCTITLE" } + joined.filter { $0.type == "PROCTITLE" }
        let raws = ordered.map(\.raw)
        var bytes: [UInt8] = []
        for raw in raws {
            bytes.append(contentsOf: raw.utf8)
            bytes.append(0x0A)
        }
        // Each piece kept within the per-event limits; the two together may hold up to twice as much.
        var configuration = AuditLogReader.Configuration(defaultNode: defaultNode, keepField: FieldsRead.isRead)
        configuration.maximumRecordsPerEvent *= 2
        configuration.maximumEventBytes *= 2
        let reader = try AuditLogReader(sourceName: piece.source, configuration: configuration)
        var events: [AuditEvent] = []
        func take(_ output: AuditLogReader.Output) {
            if case .event(let event) = output { events.append(event) }
        }
        try reader.consume(bytes, emit: take)
        try reader.finish(emit: take)
        // A provisional event is emitted again once more of it is read: the last version counts.
        guard var whole = events.last, whole.id == piece.id,
              events.allSatisfy({ $0.id == piece.id }), whole.records.map(\.raw) == raws else { return nil }
        let lines = ordered.map(\.line)
        for index in whole.records.indices { whole.records[index].line = lines[index] }
        whole.firstLine = line.map { Int($0) } ?? lines.first ?? piece.firstLine
        return (whole, ordered.map(\.source))
    }
}
