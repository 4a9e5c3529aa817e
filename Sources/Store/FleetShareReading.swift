import Foundation
import Native

/// One share of a report's reading (`StoreReader.inShares`) read on a thread and a connection of
/// its own, in the report's snapshot, while the report's own connection reads another share: a
/// PostgreSQL backend works on one core, and a guest's thousands of runs, each found in its
/// month's partition, kept one core busy and the other idle.
///
/// The share comes back to the report's own connection whenever it cannot be read apart, so
/// that a second connection never makes a report fail or wait where one connection would not:
/// - a connection that cannot be had (a connection limit, a login the server now refuses, a
///   snapshot it cannot read in, another server of a multi-host connection string);
/// - a connection still being made when the report wants the share (a pooler that queues it
///   until the report's own connection lets go of the only server slot, a connect that hangs);
/// - a thread that has not begun (Foundation's Thread says nothing when pthread_create fails);
/// - a connection lost or given up while it reads (`PostgresError.connectionLost`).
/// A statement the server refuses fails the report, as it would on the report's connection.
final class FleetShareReading<T: Sendable>: @unchecked Sendable {
    private enum State {
        case requested
        case connecting
        case reading
        case calledOff
        /// nil: read it on the report's connection.
        case finished(Result<T, Error>?)
    }

    private let share: ReadShare
    private let recipe: FleetConnectionRecipe
    private let snapshot: FleetSnapshot
    private let body: @Sendable (any SQLReader, ReadShare) throws -> T
    private let condition = NSCondition()
    private var state = State.requested

    init(share: ReadShare, recipe: FleetConnectionRecipe, snapshot: FleetSnapshot,
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
        guard move(from: { if case .requested = $0 { return true } else { return false } }, to: .connecting) else { return }
        let reader = try? PostgresReadConnection(recipe.open(), snapshot: snapshot)
        guard let reader else {
            finish(with: nil)
            return
        }
        // Called off while it connected: the report read the share itself. The connection
        // closes as `reader` goes.
        guard move(from: { if case .connecting = $0 { return true } else { return false } }, to: .reading) else { return }
        var outcome: Result<T, Error>? = Result { try body(reader, share) }
        if case .failure(let error as PostgresError)? = outcome, error.connectionLost || error.isUnavailable {
            outcome = nil
        }
        finish(with: outcome)
    }

    private func move(from allowed: (State) -> Bool, to next: State) -> Bool {
        condition.withLock {
            guard allowed(state) else { return false }
            state = next
            condition.broadcast()
            return true
        }
    }

    private func finish(with outcome: Result<T, Error>?) {
        condition.withLock {
            if case .calledOff = state { return }
            state = .finished(outcome)
            condition.broadcast()
        }
    }

    /// How long the report waits for a connection still being made once it wants the share
    /// (one on a local socket takes a few milliseconds).
    static var connectingWait: TimeInterval { 1 }

    /// The share's rows, read on `connection` when they could not be read apart.
    func finish(orReadOn connection: any SQLReader) throws -> T {
        let outcome = condition.withLock { () -> Result<T, Error>? in
            let deadline = Date(timeIntervalSinceNow: Self.connectingWait)
            while true {
                switch state {
                case .requested:
                    state = .calledOff
                    return nil
                case .connecting:
                    if Date() >= deadline || !condition.wait(until: deadline) {
                        if case .connecting = state {
                            state = .calledOff
                            return nil
                        }
                    }
                case .finished(let outcome):
                    return outcome
                case .calledOff:
                    // Only this call calls a share off; asked again, it is read here again.
                    return nil
                case .reading:
                    condition.wait()
                }
            }
        }
        if let outcome { return try outcome.get() }
        return try body(connection, share)
    }
}
