/// A fleet store transaction's snapshot as another connection reads it in: its identifier, and
/// the server it lives on (its postmaster's start, in microseconds), so that a connection string
/// naming several hosts cannot read in a snapshot of the same name on another server.
struct FleetSnapshot: Sendable {
    let identifier: String
    let serverStart: Int64
}
