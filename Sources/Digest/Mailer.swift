/// Hands a rendered message to something that delivers mail.
public protocol Mailer {
    /// Throws a reason, including the mailer's own words, when delivery failed.
    func send(_ message: String, from: MailAddress, to: [MailAddress]) throws
}

public struct MailerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
