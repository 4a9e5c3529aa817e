import Guests
import Native

extension IngestWriter {
    /// The alert engine's rows (`alert_windows`) that hold, per node, the newest event a watch
    /// judged: `judged|NODEKEY` → `TIME_MS:SERIAL`. Kept beside the engine's windows so that they
    /// belong to the same owner and commit with the same transaction.
    static let judgedKeyPrefix = "judged|"

    /// The newest judged position of each node (NodeName.key) for this owner. A row that does not
    /// read as a position is left out: that node then judges nothing again, as on a first start.
    public func judgedPositions(owner: String) throws -> [String: EventPosition] {
        let rows = try wrapped {
            try database.connection.rows("SELECT key, value FROM alert_windows WHERE owner = ? AND substr(key, 1, 7) = ?",
                        [.text(owner), .text(Self.judgedKeyPrefix)])
        }
        var out: [String: EventPosition] = [:]
        for row in rows {
            guard let key = row[0].string, let value = row[1].string else { continue }
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let time = Int64(parts[0]), let serial = Int64(parts[1]) else { continue }
            out[String(key.dropFirst(Self.judgedKeyPrefix.count))] = EventPosition(timeMilliseconds: time, serial: serial)
        }
        return out
    }

    /// Writes judged positions inside the open transaction.
    public func saveJudgedPositions(_ positions: [String: EventPosition], owner: String) throws {
        try wrapped {
            for (node, position) in positions {
                try database.connection.run("""
                    INSERT INTO alert_windows(owner, key, value) VALUES (?, ?, ?)
                    ON CONFLICT(owner, key) DO UPDATE SET value = excluded.value
                    """, [.text(owner), .text(Self.judgedKeyPrefix + node),
                          .text("\(position.timeMilliseconds):\(position.serial)")])
            }
        }
    }
}
