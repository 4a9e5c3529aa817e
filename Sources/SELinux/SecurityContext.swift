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
        // Split on the first three colons by bytes; the level keeps any colons after them.
        var cuts: [Substring.UTF8View.Index] = []
        var i = text.utf8.startIndex
        while i != text.utf8.endIndex, cuts.count < 3 {
            if text.utf8[i] == 0x3A { cuts.append(i) }
            i = text.utf8.index(after: i)
        }
        guard cuts.count >= 2 else { throw SELinuxError.malformedContext(String(text)) }
        let user = Substring(text.utf8[..<cuts[0]])
        let role = Substring(text.utf8[text.utf8.index(after: cuts[0])..<cuts[1]])
        let typeEnd = cuts.count == 3 ? cuts[2] : text.utf8.endIndex
        let type = Substring(text.utf8[text.utf8.index(after: cuts[1])..<typeEnd])
        guard [user, role, type].allSatisfy({ !$0.isEmpty && isName($0) }) else {
            throw SELinuxError.malformedContext(String(text))
        }
        let range = cuts.count == 3 ? try MLSRange.parse(Substring(text.utf8[text.utf8.index(after: cuts[2])...])) : nil
        return SecurityContext(user: String(user), role: String(role), type: String(type), range: range)
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
