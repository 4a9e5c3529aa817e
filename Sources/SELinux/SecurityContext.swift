/// An SELinux security context `user:role:type[:level]`. The level part contains colons of its
/// own, so everything after the third colon belongs to it.
public struct SecurityContext: Hashable, Sendable {
    public var user: String
    public var role: String
    public var type: String
    /// nil under a policy built without MLS.
    public var range: MLSRange?

    public init(user: String, role: String, type: String, range: MLSRange?) {
        self.user = user
        self.role = role
        self.type = type
        self.range = range
    }

    public static func parse<S: StringProtocol>(_ text: S) throws -> SecurityContext {
        let text = Substring(text)
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0...2].allSatisfy({ !$0.isEmpty && isName($0) }) else {
            throw SELinuxError.malformedContext(String(text))
        }
        let range = parts.count == 4 ? try MLSRange.parse(parts[3]) : nil
        return SecurityContext(user: String(parts[0]), role: String(parts[1]), type: String(parts[2]), range: range)
    }

    /// The low level: what MCS compares for a process or a file.
    public var level: MLSLevel? { range?.low }

    private static func isName(_ s: Substring) -> Bool {
        s.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5f || $0 == 0x2e }
    }
}

extension SecurityContext: CustomStringConvertible {
    public var description: String {
        guard let range else { return "\(user):\(role):\(type)" }
        return "\(user):\(role):\(type):\(range)"
    }
}
