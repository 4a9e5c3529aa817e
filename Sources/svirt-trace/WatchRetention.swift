import Foundation
import Ingest
import Store
import Formatting

/// `watch --retain`: once a minute (wall clock), and then chunk after chunk until nothing is
/// older than the period, prunes inside watch's own transactions so that storing and pruning
/// never wait for each other.
final class WatchRetention {
    let period: RetentionPeriod
    let pruner: Pruner
    /// Hears of a finished pass that deleted something, with its cutoff.
    let log: (Pruner.Summary, Int64) -> Void
    private var nextCheck = Date.distantPast
    private let started = Date()
    private var deleted = Pruner.Summary()

    init(period: RetentionPeriod, pruner: Pruner, log: @escaping (Pruner.Summary, Int64) -> Void) {
        self.period = period
        self.pruner = pruner
        self.log = log
    }

    /// Rows written this turn (they count towards watch's next commit).
    func tick(_ watch: WatchSession) throws -> Int {
        guard Date() >= nextCheck else { return 0 }
        // The first look waits until what watch read at start is stored (the reader has nothing
        // in flight), for at most a minute: old events read at start are then pruned at once,
        // not a minute later.
        if nextCheck == .distantPast, !watch.readerIsIdle, Date() < started.addingTimeInterval(60) { return 0 }
        let cutoff = try TimeWords.now() - period.milliseconds
        let chunk = try watch.prune(pruner, before: cutoff)
        deleted.add(chunk)
        if chunk.isEmpty {
            nextCheck = Date().addingTimeInterval(60)
            if !deleted.isEmpty { log(deleted, cutoff) }
            deleted = Pruner.Summary()
            return 0
        }
        return Int(chunk.events + chunk.alerts)
    }
}
