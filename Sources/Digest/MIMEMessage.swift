import Foundation
import Formatting

/// A `multipart/alternative` mail (text/plain, then text/html), both parts UTF-8 in base64 with
/// 76-character lines, CRLF line ends. Header values are built here from checked addresses and
/// from a subject whose control characters are removed and whose non-ASCII is RFC 2047-encoded,
/// so no CR or LF from a log can reach a header.
public struct MIMEMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var text: String
    public var html: String
    /// Milliseconds since the epoch for the Date header.
    public var date: Int64
    public var hostName: String

    public init(from: MailAddress, to: [MailAddress], subject: String, text: String, html: String, date: Int64,
                hostName: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.hostName = hostName
    }

    /// The message, CRLF line ends, ready for SMTP DATA (before dot-stuffing) or sendmail.
    public func render() -> String {
        let body = Array(text.utf8) + Array(html.utf8)
        let digest = Self.fnv1a(body + Array(subject.utf8))
        // "=_" cannot occur in base64 text, so the boundary cannot appear inside a part.
        let boundary = "=_svirt-trace_\(String(digest, radix: 16))"
        let idHost = Self.headerSafe(hostName).filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        var lines: [String] = [
            "Date: \(Self.rfc5322Date(date))",
            "From: \(from)",
            "To: \(to.map(\.text).joined(separator: ", "))",
            "Subject: \(Self.encodedSubject(subject))",
            "Message-ID: <svirt-trace.\(String(digest, radix: 16)).\(date)@\(idHost.isEmpty ? "localhost" : idHost)>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "This is a MIME message: a text part and an HTML part.",
        ]
        for (type, content) in [("text/plain", text), ("text/html", html)] {
            lines += ["", "--\(boundary)", "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            lines += Self.base64Lines(Data(content.utf8))
        }
        lines += ["", "--\(boundary)--", ""]
        return lines.joined(separator: "\r\n")
    }

    static func base64Lines(_ data: Data) -> [String] {
        let encoded = data.base64EncodedString()
        var out: [String] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            out.append(String(encoded[index..<end]))
            index = end
        }
        return out
    }

    /// Control characters (CR and LF above all) become spaces; bidirectional and invisible
    /// characters are shown as escapes.
    static func headerSafe(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                out.append(" ")
            } else if HiddenCharacters.isHidden(value) {
                // A node named hv<U+202E>10vh must not reverse the counts after it in the inbox;
                // shown as a terminal shows it.
                out.append(contentsOf: TerminalText.escape(String(Character(scalar))).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Plain when ASCII; otherwise RFC 2047 `=?utf-8?B?...?=` words of at most 75 characters,
    /// separated by spaces on the one line, never splitting a character.
    static func encodedSubject(_ subject: String) -> String {
        let clean = headerSafe(subject)
        if clean.unicodeScalars.allSatisfy({ $0.value < 0x7F }) && clean.utf8.count <= 900 { return clean }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in clean {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?utf-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?utf-8?B?\(Data(chunk).base64EncodedString())?=") }
        return words.joined(separator: " ")
    }

    /// `Sun, 29 Nov 2026 08:17:43 +0000`
    static func rfc5322Date(_ milliseconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
