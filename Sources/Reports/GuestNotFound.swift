/// No guest the store knows goes by the name, UUID or NODE/NAME given; exit status 1, with the
/// close names it does know. The CLI escapes the whole message for the terminal, names included.
public struct GuestNotFound: Error, CustomStringConvertible, Sendable {
    public var text: String
    public var nodes: [String]
    public var suggestions: [String]

    public var description: String {
        var message = "no guest named \"\(text)\" (by name, UUID or NODE/NAME) in the database"
        if !nodes.isEmpty { message += " on " + nodes.joined(separator: ", ") }
        switch suggestions.count {
        case 0: return message
        case 1: return message + "; did you mean \(suggestions[0])?"
        default: return message + "; did you mean " + suggestions.dropLast().joined(separator: ", ") + " or \(suggestions.last!)?"
        }
    }
}
