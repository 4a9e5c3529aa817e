/// `smtp://HOST[:PORT]` for digest.mailer / --mailer, parsed once for the config check and the
/// mailer. The built-in client speaks plain SMTP (no STARTTLS, no AUTH), so it may only talk to
/// a mail server on this host (localhost, 127.0.0.1, ::1): mail to a relay elsewhere would
/// cross the network in clear, relay password and the list of attacked guests included. A
/// relay is reached through the sendmail path (msmtp speaks TLS and AUTH).
public struct LocalSMTPURL: Sendable, Equatable {
    public var host: String
    public var port: UInt16

    public static let localHosts: Set<String> = ["localhost", "127.0.0.1", "::1"]

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(_ url: String) throws {
        func fail(_ why: String) -> Failure { Failure(description: "mailer \"\(url)\": \(why)") }
        guard url.hasPrefix("smtp://") else { throw fail("expected sendmail or smtp://localhost[:PORT]") }
        var rest = String(url.dropFirst("smtp://".count))
        if rest.hasSuffix("/") { rest.removeLast() }
        var port: UInt16 = 25
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw fail("unclosed [") }
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                guard let p = UInt16(after.dropFirst()) else { throw fail("bad port") }
                port = p
            } else if !after.isEmpty {
                throw fail("bad port")
            }
            rest = String(rest[rest.index(after: rest.startIndex)..<close])
        } else if let colon = rest.lastIndex(of: ":") {
            guard let p = UInt16(rest[rest.index(after: colon)...]) else { throw fail("bad port") }
            port = p
            rest = String(rest[..<colon])
        }
        guard !rest.isEmpty, rest.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "/" }) else {
            throw fail("no host")
        }
        guard Self.localHosts.contains(rest.lowercased()) else {
            throw fail("the built-in SMTP client is plain text (no STARTTLS, no AUTH) and only talks to a mail server on this host (localhost, 127.0.0.1 or ::1); to reach the relay \(rest), use the sendmail mailer with msmtp (sendmail: \"/usr/bin/msmtp -t\") or the local MTA")
        }
        host = rest
        self.port = port
    }
}
