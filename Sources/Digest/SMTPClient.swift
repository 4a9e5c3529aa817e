import Formatting
import Native

/// Just enough SMTP (RFC 5321) to hand one message to the MTA on this host: EHLO (HELO if
/// refused), MAIL, RCPT for each recipient, DATA with dot-stuffing, QUIT. No STARTTLS and no
/// AUTH, so it talks to localhost only (LocalSMTPURL refuses other hosts); a relay elsewhere is
/// reached through the sendmail path with msmtp, which speaks TLS and AUTH.
public struct SMTPClient: Mailer {
    public var host: String
    public var port: UInt16
    public var heloName: String
    public var timeoutMilliseconds: Int32 = 30_000

    /// `smtp://localhost[:PORT]` (or 127.0.0.1, [::1]); any other host is refused (LocalSMTPURL).
    public init(url: String, heloName: String) throws {
        let parsed: LocalSMTPURL
        do { parsed = try LocalSMTPURL(url) } catch { throw MailerError("\(error)") }
        host = parsed.host
        port = parsed.port
        self.heloName = heloName.isEmpty ? "localhost" : heloName
    }

    public func send(_ message: String, from: MailAddress, to: [MailAddress]) throws {
        let connection: TCPConnection
        do {
            connection = try TCPConnection(host: host, port: port, timeoutMilliseconds: timeoutMilliseconds)
        } catch {
            throw MailerError("smtp://\(host):\(port): \(error)")
        }
        var session = Session(connection: connection, where: "smtp://\(host):\(port)")
        try session.expect(220)
        if try session.command("EHLO \(heloName)").code != 250 { try session.command("HELO \(heloName)", expect: 250) }
        try session.command("MAIL FROM:<\(from)>", expect: 250)
        for recipient in to { try session.command("RCPT TO:<\(recipient)>", expect: 250, 251) }
        try session.command("DATA", expect: 354)
        try session.send(Self.dotStuffed(message) + ".\r\n")
        try session.expect(250)
        _ = try? session.command("QUIT")
    }

    /// CRLF line ends, and a dot doubled at the start of any line, so the body cannot end DATA early.
    static func dotStuffed(_ message: String) -> String {
        var lines = message.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n") + "\r\n"
    }

    /// One conversation: reads replies line by line, multi-line replies included.
    struct Session {
        let connection: TCPConnection
        let `where`: String
        var pending: [UInt8] = []

        init(connection: TCPConnection, where: String) {
            self.connection = connection
            self.where = `where`
        }

        mutating func line() throws -> String {
            while true {
                if let nl = pending.firstIndex(of: 0x0A) {
                    let end = nl > 0 && pending[nl - 1] == 0x0D ? nl - 1 : nl  // CRLF, or a bare LF
                    let text = String(decoding: pending[..<end], as: UTF8.self)
                    pending.removeSubrange(...nl)
                    return text
                }
                let more = try connection.receive()
                guard !more.isEmpty else { throw MailerError("\(`where`): the server closed the connection") }
                pending += more
                if pending.count > 65_536 { throw MailerError("\(`where`): reply line too long") }
            }
        }

        /// The final line's code and all the reply's text.
        mutating func reply() throws -> (code: Int, text: String) {
            var text: [String] = []
            while true {
                let l = try line()
                text.append(l)
                let chars = Array(l)
                guard chars.count >= 3, let code = Int(String(chars[0..<3])) else {
                    throw MailerError("\(`where`): not an SMTP reply: \(l.prefix(200))")
                }
                if chars.count == 3 || chars[3] != "-" { return (code, text.joined(separator: " / ")) }
            }
        }

        mutating func expect(_ codes: Int...) throws {
            let r = try reply()
            guard codes.contains(r.code) else { throw MailerError("\(`where`) refused: \(r.text.prefix(500))") }
        }

        mutating func send(_ text: String) throws {
            do { try connection.send(Array(text.utf8)) } catch { throw MailerError("\(`where`): \(error)") }
        }

        @discardableResult
        mutating func command(_ text: String) throws -> (code: Int, text: String) {
            try send(text + "\r\n")
            return try reply()
        }

        mutating func command(_ text: String, expect codes: Int...) throws {
            let r = try command(text)
            guard codes.contains(r.code) else {
                throw MailerError("\(`where`) refused \(text.split(separator: ":").first ?? ""): \(r.text.prefix(500))")
            }
        }
    }
}
