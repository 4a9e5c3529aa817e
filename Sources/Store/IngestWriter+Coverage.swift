import Findings
import Guests

extension IngestWriter {
    /// The coverage marks as stored, for the correlator (see `Coverage`).
    public func loadCoverage() throws -> [CoverageMark] {
        try CoverageWriter.load(database.connection)
    }

    /// Stores a mark; the stop of an unseen guest also moves the unknown-* denials of the interval
    /// it ends to `unattributed`, in this transaction. Alerts already raised for them stay sent.
    func store(coverage mark: CoverageMark) throws {
        try coverage.insert(mark)
        guard !mark.isAnchor, let start = mark.gapStart, let end = mark.position else { return }
        // What is gathered in memory counts denials this may move: written first, so that SQL sees
        // them; open runs are forgotten after, as their kind may have changed.
        try totals.flush()
        try runs.flush()
        let moved = try coverage.reclassify(node: mark.node, from: start, to: end,
                                            reason: Coverage.reason(mark), storedBefore: storedBefore)
        runs.forget()
        totals.forgetStored()
        for (kind, count) in moved.own { reclassified[kind, default: 0] += count }
        for (kind, count) in moved.earlier { reclassifiedEarlier[kind, default: 0] += count }
    }

    /// Denials this writer stored that were moved to `unattributed` since the last call, by
    /// their old kind.
    public func takeReclassified() -> [String: Int] {
        defer { reclassified = [:] }
        return reclassified
    }

    /// Denials stored before this writer began (an earlier run) that were moved to
    /// `unattributed` since the last call, by their old kind.
    public func takeReclassifiedEarlier() -> [String: Int] {
        defer { reclassifiedEarlier = [:] }
        return reclassifiedEarlier
    }
}

extension IngestWriter {
    /// The newest stored event of a node; nil when none is stored.
    public func newestPosition(node: String?) throws -> EventPosition? {
        let rows = try wrapped {
            try database.connection.rows("""
                SELECT time_ms, serial FROM audit_events WHERE node = ? ORDER BY time_ms DESC, serial DESC LIMIT 1
                """, [.text(node ?? "")])
        }
        return rows.first.flatMap { r in r[0].int64.map { EventPosition(timeMilliseconds: $0, serial: r[1].int64 ?? 0) } }
    }
}
