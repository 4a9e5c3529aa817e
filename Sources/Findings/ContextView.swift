import SELinux

/// A logged context, parsed as far as it goes. A context whose level will not parse (categories
/// past c1023, say) still has a readable type, so the denial is kept and classified on that.
public struct ContextView: Sendable, Equatable {
    public var raw: String
    public var context: SecurityContext?
    public var type: String?
    public var error: SELinuxError?

    public init(_ raw: String) {
        self.raw = raw
        do {
            let parsed = try SecurityContext.parse(raw)
            context = parsed
            type = parsed.type
        } catch let failure as SELinuxError {
            error = failure
            let parts = raw.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            type = parts.count >= 3 && !parts[2].isEmpty ? String(parts[2]) : nil
        } catch {
            type = nil
        }
    }

    public var level: MLSLevel? { context?.level }

    /// The level with at least one category: what tells one guest from another.
    public var guestLevel: MLSLevel? {
        guard let level, !level.categories.isEmpty else { return nil }
        return level
    }
}
