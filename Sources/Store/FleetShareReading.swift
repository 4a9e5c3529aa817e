import Foundation
import Native

/// One share of a report's reading (`StoreReader.inShares`) read on a thread and a connection of
/// its own, in the report's snapshot, while the report's own connection reads another share: a
/// PostgreSQL backend works on one core, and a guest's thousands of runs, each found in its
/// month's partition, kept one core busy and the other idle.
///
/// The share comes back to the report's own connection whenever it cannot be read apart: a
/// connection that cannot be had (a connection limit, a login the server now refuses), or a
/// thread that has not begun when the report wants the share (Foundation's Thread says nothing
/// when pthread_create fails). A statement that fails on the other connection fails the report,
/// as it would on its own.
final class FleetShareReading<T: Sendable>: @unchecked Sendable {
    private enum State {
        case requested
        case reading
        case calledOff
        /// nil: no connection could be had.
        case finished(Result<T, Error>?)
    }

    private let share: ReadShare
    private let recipe: FleetConnectionRecipe
    private let snapshot: String
    private let body: @Sendable (any SQLReader, ReadShare) throws -> T
    private let condition = NSCondition()
    private var state = State.requested

    init(share: ReadShare, recipe: FleetConnectionRecipe, snapshot: String,
         body: @escaping @Sendable (any SQLReader, ReadShare) throws -> T) {
        self.share = share
        self.recipe = recipe
        self.snapshot = snapshot
        self.body = body
    }

    func start() {
        let thread = Thread { [self] in read() }
        thread.name = "report share \(share.index)"
        thread.start()
    }

    private func read() {
        let begun = condition.withLock { () -> Bool in
            guard case .requested = state else { return false }
            state = .reading
            return true
        }
        guard begun else { return }
        var outcome: Result<T, Error>?
        if let reader = try? PostgresReadConnection(recipe.open(), snapshot: snapshot) {
            outcome = Result { try body(reader, share) }
        }
        condition.withLock {
            state = .finished(outcome)
            condition.broadcast()
        }
    }

    /// The share's rows, read on `connection` when they could not be read apart.
    func finish(orReadOn connection: any SQLReader) throws -> T {
        let outcome = condition.withLock { () -> Result<T, Error>? in
            while true {
                switch state {
                case .requested:
                    state = .calledOff
                    return nil
                case .finished(let outcome):
                    return outcome
                case .reading, .calledOff:
                    condition.wait()
                }
            }
        }
        if let outcome { return try outcome.get() }
        return try body(connection, share)
    }
}
