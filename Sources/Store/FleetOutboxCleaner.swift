import Foundation
import Native

/// Clears shipped change-log entries from inside the spool writer's own transactions.
///
/// The shipper may not write to the spool while a writer stores into it: the writer takes any
/// other connection's commit for another writer's, and forgets what it keeps in memory (open
/// runs, interned strings), which makes it slower and its runs fold by timing. So the shipper of
/// the same process only says how far it has shipped, and the writer deletes up to there just
/// before it commits.
public final class FleetOutboxCleaner: @unchecked Sendable {
    private let lock = NSLock()
    private var shipped: Int64 = 0
    private var cleared: Int64 = 0
    static let batch: Int64 = 100_000

    public init() {}

    /// The shipper: entries up to `seq` are in the fleet store.
    func shipped(through seq: Int64) {
        lock.withLock { shipped = max(shipped, seq) }
    }

    /// The writer, inside its transaction: only once enough has been shipped, since the
    /// deletion is work in the writer's own path (entries at or below shipped_seq are skipped by
    /// every read until then, and only take room).
    func clear(in db: SQLiteDatabase) throws {
        let target = lock.withLock { shipped - cleared >= Self.batch ? shipped : nil }
        guard let target else { return }
        try FleetSpool.clearShipped(through: target, in: db)
        lock.withLock { cleared = max(cleared, target) }
    }
}
