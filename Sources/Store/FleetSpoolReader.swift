import Foundation
import Native

/// Reads a spool's changed rows as the fleet store takes them: a batch of outbox entries with
/// the current state of each row they name, in fleet columns and fleet ids.
///
/// It has a connection of its own (reads need no lock in WAL), so that the next batch can be
/// read while the shipper waits on PostgreSQL for the one before (`FleetBatchReadAhead`); it is
/// used by one thread at a time.
final class FleetSpoolReader: @unchecked Sendable {
    struct Entry {
        var table: String
        var key: SQLValue
        /// The row is gone from the spool: the fleet store's copy goes too.
        var deleted: Bool
        /// A deleted WITHOUT ROWID row's key values (its key is their JSON array).
        var parts: [SQLValue] = []
    }

    struct Batch {
        /// The outbox entries after this one were read (the fleet store's shipped_seq then).
        var after: Int64
        /// One per key changed (a key changed several times is sent once, as it is now).
        var entries: [Entry] = []
        var lastSeq: Int64 = 0
        /// Current rows of the entries not deleted, per table, in fleet columns.
        var rows: [String: [[SQLValue]]] = [:]
    }

    let spool: Int64
    let node: String
    /// Each table's spool columns, in the spool's order.
    let columns: [String: [String]]
    private let local: SQLiteDatabase

    init(spoolPath: String, spool: Int64, node: String, columns: [String: [String]]) throws {
        local = try SQLiteDatabase(path: spoolPath, mode: .readWrite, busyTimeoutMilliseconds: 10_000)
        self.spool = spool
        self.node = node
        self.columns = columns
    }

    /// The spool's identity, as this connection reads it.
    func identity() throws -> FleetSpool.Identity? {
        try FleetSpool.identity(local)
    }

    /// A table's columns in the fleet store, as the batch's rows hold them.
    func fleetColumns(_ table: FleetTable) -> [String] {
        ["spool"] + (table.hasNode ? [] : ["node"]) + (columns[table.name] ?? [])
            + (table.name == "evidence_blocks" ? ["first_ms"] : [])
    }

    /// The first `limit` outbox entries after `after`, in one read transaction (a consistent
    /// state of every row in it).
    func read(after: Int64, limit: Int) throws -> Batch {
        var batch = Batch(after: after)
        do {
            try local.execute("BEGIN")
            defer { try? local.execute("COMMIT") }
            var keys: [String: [SQLValue]] = [:]
            var seen: [String: Set<SQLValue>] = [:]
            var order: [String] = []
            for row in try local.rows("SELECT seq, tbl, key FROM fleet_changes WHERE seq > ? ORDER BY seq LIMIT ?",
                                      [.integer(after), .integer(Int64(limit))]) {
                batch.lastSeq = row[0].int64 ?? batch.lastSeq
                let table = row[1].string ?? ""
                if keys[table] == nil { order.append(table) }
                guard seen[table, default: []].insert(row[2]).inserted else { continue }
                keys[table, default: []].append(row[2])
            }
            for name in order {
                guard let table = FleetTable.byName[name], let changed = keys[name] else { continue }
                let gone = try goneKeys(table, keys: changed)
                for key in changed {
                    batch.entries.append(Entry(table: name, key: key, deleted: gone[key] != nil, parts: gone[key] ?? []))
                }
                let live = changed.filter { gone[$0] == nil }
                if !live.isEmpty { batch.rows[name] = try currentRows(table, keys: live) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error, path: local.path, timeout: 10_000)
        }
        return batch
    }

    /// The keys whose row is no longer in the spool, each with its key values (a WITHOUT ROWID
    /// key's JSON array taken apart; none for a rowid), found in one statement per 5,000 keys.
    private func goneKeys(_ table: FleetTable, keys allKeys: [SQLValue]) throws -> [SQLValue: [SQLValue]] {
        var gone: [SQLValue: [SQLValue]] = [:]
        var keys = allKeys
        if table.isRowID {
            // A run of consecutive ids none of which is gone holds as many rows as ids: one count.
            let split = Self.consecutiveRuns(allKeys)
            keys = split.rest
            for run in split.runs {
                let held = try local.rows("SELECT count(*) FROM \(table.name) WHERE id BETWEEN ? AND ?",
                                          [.integer(run.lowerBound), .integer(run.upperBound)]).first?.first?.int64
                if held != Int64(run.count) { keys += run.map { SQLValue.integer($0) } }
            }
        }
        let missing = "NOT EXISTS (SELECT 1 FROM \(table.name) t WHERE \(Self.match(table)))"
        for start in stride(from: 0, to: keys.count, by: 5_000) {
            let json = Self.jsonArray(keys[start..<min(keys.count, start + 5_000)])
            // j.key is the key's place in the chunk: the key itself, as the log holds it.
            let sql = table.isRowID
                ? "SELECT j.key, NULL FROM json_each(?) j WHERE \(missing)"
                : "SELECT j.key, p.value FROM json_each(?) j, json_each(j.value) p WHERE \(missing) ORDER BY j.key, p.key"
            for row in try local.rows(sql, [.text(json)]) {
                guard let place = row[0].int64 else { continue }
                let key = keys[start + Int(place)]
                if table.isRowID { gone[key] = [] } else { gone[key, default: []].append(row[1]) }
            }
        }
        return gone
    }

    /// A spool row matched to a key of the change log (`j.value`).
    static func match(_ table: FleetTable) -> String {
        table.isRowID
            ? "t.id = j.value"
            : table.key.enumerated().map { "t.\($0.element) IS json_extract(j.value, '$[\($0.offset)]')" }.joined(separator: " AND ")
    }

    /// Keys as one JSON array: rowids as numbers, WITHOUT ROWID keys as the arrays they are.
    static func jsonArray(_ keys: ArraySlice<SQLValue>) -> String {
        "[" + keys.map { key in
            switch key {
            case .integer(let value): return String(value)
            case .text(let text): return text
            default: return "null"
            }
        }.joined(separator: ",") + "]"
    }

    /// The keys that are runs of at least `minimumRun` consecutive rowids (most of a batch: rows
    /// are inserted in id order), and the others. A run is read by `id BETWEEN`, a range scan of
    /// the table, instead of a key at a time through a JSON array.
    static func consecutiveRuns(_ keys: [SQLValue], minimumRun: Int = 64) -> (runs: [ClosedRange<Int64>], rest: [SQLValue]) {
        var rest: [SQLValue] = []
        var ids: [Int64] = []
        for key in keys {
            if case .integer(let id) = key { ids.append(id) } else { rest.append(key) }
        }
        ids.sort()
        var runs: [ClosedRange<Int64>] = []
        var start = 0
        while start < ids.count {
            var end = start
            while end + 1 < ids.count, ids[end + 1] == ids[end] + 1 { end += 1 }
            if end - start + 1 >= minimumRun {
                runs.append(ids[start]...ids[end])
            } else {
                rest += ids[start...end].map { SQLValue.integer($0) }
            }
            start = end + 1
        }
        return (runs, rest)
    }

    private func currentRows(_ table: FleetTable, keys allKeys: [SQLValue]) throws -> [[SQLValue]] {
        let names = columns[table.name] ?? []
        let list = names.map { "t.\($0)" }.joined(separator: ", ")
        var rows: [[SQLValue]] = []
        var keys = allKeys
        if table.isRowID {
            let split = Self.consecutiveRuns(allKeys)
            keys = split.rest
            for run in split.runs {
                rows += try local.rows("SELECT \(list) FROM \(table.name) t WHERE t.id BETWEEN ? AND ?",
                                       [.integer(run.lowerBound), .integer(run.upperBound)])
            }
        }
        for chunk in stride(from: 0, to: keys.count, by: 5_000) {
            let json = Self.jsonArray(keys[chunk..<min(keys.count, chunk + 5_000)])
            rows += try local.rows("SELECT \(list) FROM json_each(?) j JOIN \(table.name) t ON \(Self.match(table))", [.text(json)])
        }
        var firstTimes: [Int64: Int64] = [:]
        if table.name == "evidence_blocks", let idIndex = names.firstIndex(of: "id") {
            let ids = "[" + rows.compactMap { $0[idIndex].int64.map(String.init) }.joined(separator: ",") + "]"
            for row in try local.rows("""
                SELECT block_id, min(time_ms) FROM audit_events
                WHERE block_id IN (SELECT value FROM json_each(?)) GROUP BY block_id
                """, [.text(ids)]) {
                if let block = row[0].int64, let first = row[1].int64 { firstTimes[block] = first }
            }
        }
        return rows.map { row in
            var shipped: [SQLValue] = [.integer(spool)]
            if !table.hasNode { shipped.append(.text(node)) }
            for (index, name) in names.enumerated() {
                shipped.append(table.ids.contains(name) ? fleetID(row[index]) : Self.storable(row[index]))
            }
            if table.name == "evidence_blocks", let idIndex = names.firstIndex(of: "id") {
                // A block whose events are all gone (replaced) has no month of its own: it goes
                // with the events before 2000, and is never read.
                shipped.append(.integer(row[idIndex].int64.flatMap { firstTimes[$0] } ?? 0))
            }
            return shipped
        }
    }

    /// PostgreSQL text cannot hold a NUL byte, and one guest name with one (set through libvirt
    /// by whoever may name a domain) would have every later shipment of the spool refused: the
    /// fleet store would fall silent for the host. It is shipped as U+FFFD, as bytes that are
    /// not UTF-8 already are.
    static func storable(_ value: SQLValue) -> SQLValue {
        guard case .text(let text) = value, text.utf8.contains(0) else { return value }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(scalar.value == 0 ? "\u{FFFD}" : scalar) }
        return .text(String(scalars))
    }

    /// A spool id as the fleet store holds it.
    func fleetID(_ value: SQLValue) -> SQLValue {
        // 0 is "none" where a column allows it (parse_error_counts.source_key); rowids start at 1.
        guard case .integer(let local) = value, local > 0 else { return value }
        return .integer(FleetTable.fleetID(spool: spool, local: local))
    }
}
