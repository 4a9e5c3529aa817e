/// A bare address (`local@domain`) from the command line. Only the characters RFC 5321 allows in
/// an unquoted local part and a host name are accepted, so nothing given here can add a header
/// or a recipient.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    public struct Invalid: Error, CustomStringConvertible {
        public var text: String
        public var description: String {
            "not a mail address this command accepts: \"\(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined())\" (use local@domain, without a display name)"
        }
    }

    public init(_ text: String) throws {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.utf8.count <= 254,
              parts[0].unicodeScalars.allSatisfy(Self.localAllowed),
              parts[1].unicodeScalars.allSatisfy(Self.domainAllowed),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { throw Invalid(text: text) }
        self.text = text
    }

    public var description: String { text }

    private static func localAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return "!#$%&'*+/=?^_`{|}~.-".unicodeScalars.contains(s)
        }
    }

    private static func domainAllowed(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "-", "[", "]", ":": return true
        default: return false
        }
    }
}
