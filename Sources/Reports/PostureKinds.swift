import Findings

/// The posture event kinds as the reports select them.
enum PostureKinds {
    static let names = EventKind.posture.map(\.rawValue)
    /// `'unconfined-guest', 'weak-label', ...`: constants of the program, never input.
    static let sqlList = names.map { "'\($0)'" }.joined(separator: ", ")
}
