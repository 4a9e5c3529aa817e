import AuditStream
import Findings
import Guests
import Native

extension IngestWriter {
    /// The alert engine's rows (`alert_windows`) that hold, per node, the newest event a watch
    /// judged: `judged|NODEKEY` → `TIME_MS:SERIAL`. Kept beside the engine's windows so that they
    /// belong to the same owner and commit with the same transaction.
    static let judgedKeyPrefix = "judged|"

    /// The rows that hold, per source, where that watch's own reading stood at its last commit:
    /// `read|SOURCEID` → `BYTE_OFFSET:LINE`. The source's checkpoint is shared by every writer (an
    /// ingest moves it on); this is watch's alone, so that it reads again, and judges, what
    /// another writer stored of the file while it was stopped.
    static let readKeyPrefix = "read|"

    /// The newest judged position of each node (NodeName.key) for this owner. A row that does not
    /// read as a position is left out: that node then judges nothing again, as on a first start.
    public func judgedPositions(owner: String) throws -> [String: EventPosition] {
        var out: [String: EventPosition] = [:]
        for (node, first, second) in try watchRows(owner: owner, prefix: Self.judgedKeyPrefix) {
            out[node] = EventPosition(timeMilliseconds: first, serial: second)
        }
        return out
    }

    /// Per source id, where this owner's reading stood. A row out of any file's range is left out.
    public func readPositions(owner: String) throws -> [Int64: SourceCheckpoint] {
        var out: [Int64: SourceCheckpoint] = [:]
        for (key, offset, line) in try watchRows(owner: owner, prefix: Self.readKeyPrefix) {
            guard let id = Int64(key), (0...SourceCheckpoint.maximumOffset).contains(offset),
                  (0...SourceCheckpoint.maximumLine).contains(line) else { continue }
            out[id] = SourceCheckpoint(id: id, byteOffset: offset, line: Int(line))
        }
        return out
    }

    /// Writes judged positions inside the open transaction.
    public func saveJudgedPositions(_ positions: [String: EventPosition], owner: String) throws {
        for (node, position) in positions {
            try saveWatchRow(owner: owner, key: Self.judgedKeyPrefix + node, position.timeMilliseconds, position.serial)
        }
    }

    /// Writes read positions inside the open transaction.
    public func saveReadPositions(_ positions: [SourceCheckpoint], owner: String) throws {
        for point in positions {
            try saveWatchRow(owner: owner, key: Self.readKeyPrefix + String(point.id), point.byteOffset, Int64(point.line))
        }
    }

    /// This owner's rows under `prefix`, each as the rest of its key and its two numbers
    /// (`A:B`); a row that does not read so is left out.
    private func watchRows(owner: String, prefix: String) throws -> [(key: String, Int64, Int64)] {
        let rows = try wrapped {
            try database.connection.rows("SELECT key, value FROM alert_windows WHERE owner = ? AND substr(key, 1, ?) = ?",
                                         [.text(owner), .integer(Int64(prefix.utf8.count)), .text(prefix)])
        }
        return rows.compactMap { row in
            guard let key = row[0].string, let value = row[1].string else { return nil }
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let a = Int64(parts[0]), let b = Int64(parts[1]) else { return nil }
            return (String(key.utf8.dropFirst(prefix.utf8.count)) ?? "", a, b)
        }
    }

    private func saveWatchRow(owner: String, key: String, _ a: Int64, _ b: Int64) throws {
        try wrapped {
            try database.connection.run("""
                INSERT INTO alert_windows(owner, key, value) VALUES (?, ?, ?)
                ON CONFLICT(owner, key) DO UPDATE SET value = excluded.value
                """, [.text(owner), .text(key), .text("\(a):\(b)")])
        }
    }
}

extension IngestWriter {
    /// The events (guest starts, posture findings, label collisions) stored for the audit event of
    /// this node and position, as the correlator found them when it was stored: what watch alerts
    /// on for a guest start or stop another writer stored first, since judging it again would
    /// change the lease timeline that already holds it. A row whose detail does not read back is
    /// left out.
    public func recordedEvents(of id: AuditEventID) throws -> [RecordedEvent] {
        let rows = try wrapped {
            try database.connection.rows("""
                SELECT kind, vm, uuid, label, detail FROM events WHERE node = ? AND time_ms = ? AND serial = ? ORDER BY id
                """, [.text(id.node ?? ""), .integer(id.timeMilliseconds), .integer(id.serial)])
        }
        return rows.compactMap { row in
            guard let kind = row[0].string.flatMap(EventKind.init(rawValue:)), let detail = row[4].string.flatMap(StoredDetail.decode)
            else { return nil }
            return RecordedEvent(id: id, timeMilliseconds: id.timeMilliseconds, node: id.node, kind: kind, vm: row[1].string,
                                 uuid: row[2].string, label: row[3].string, detail: detail)
        }
    }
}
