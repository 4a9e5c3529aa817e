import Foundation
import Testing
@testable import Digest
@testable import Store
@testable import Formatting
@testable import Reports

/// The pieces under the digest: periods, the subject's encoding, dot-stuffing, addresses.
@Suite struct DigestPartsTests {
    static let utc = TimeZone(identifier: "UTC")!
    static func ms(_ iso: String) -> Int64 { TimeExpression.iso8601(iso)! }

    @Test func dayIsTheLastCompleteCalendarDayInTheLocalZone() throws {
        for now in ["2026-11-29T00:00:00Z", "2026-11-29T13:45:00Z", "2026-11-29T23:59:59Z"] {
            let p = try DigestPeriod.parse("day", nowMilliseconds: Self.ms(now), timeZone: Self.utc)
            #expect(p.since == Self.ms("2026-11-28T00:00:00Z") && p.until == Self.ms("2026-11-29T00:00:00Z"), "\(now)")
            #expect(p.previous.since == Self.ms("2026-11-27T00:00:00Z") && p.previous.until == p.since)
            #expect(p.label == "2026-11-28")
            #expect(p.bucketMilliseconds == 3_600_000)
        }
        // In Berlin (UTC+1 in November) the day starts at 23:00 UTC.
        let berlin = try DigestPeriod.parse("day", nowMilliseconds: Self.ms("2026-11-29T10:00:00Z"),
                                            timeZone: TimeZone(identifier: "Europe/Berlin")!)
        #expect(berlin.since == Self.ms("2026-11-27T23:00:00Z") && berlin.until == Self.ms("2026-11-28T23:00:00Z"))
    }

    @Test func weekIsTheLastCompleteISOWeek() throws {
        // 2026-11-29 is a Sunday: the complete week before it ran Monday 16th to Monday 23rd.
        let p = try DigestPeriod.parse("week", nowMilliseconds: Self.ms("2026-11-29T08:00:00Z"), timeZone: Self.utc)
        #expect(p.since == Self.ms("2026-11-16T00:00:00Z") && p.until == Self.ms("2026-11-23T00:00:00Z"))
        let monday = try DigestPeriod.parse("week", nowMilliseconds: Self.ms("2026-11-30T00:10:00Z"), timeZone: Self.utc)
        #expect(monday.since == Self.ms("2026-11-23T00:00:00Z") && monday.until == Self.ms("2026-11-30T00:00:00Z"))
        #expect(monday.label == "2026-11-23..2026-11-29")
        #expect(monday.bucketMilliseconds == 86_400_000)
    }

    @Test func rangesTakeTheQueryTimeFormsAndRefuseNonsense() throws {
        let p = try DigestPeriod.parse("2026-11-21T00:00:00Z..2026-11-28T00:00:00Z", nowMilliseconds: 0, timeZone: Self.utc)
        #expect(p.kind == .range && p.length == 7 * 86_400_000)
        let local = try DigestPeriod.parse("2026-11-21..@1795824000", nowMilliseconds: 0, timeZone: Self.utc)
        #expect(local.since == Self.ms("2026-11-21T00:00:00Z") && local.until == 1_795_824_000_000)
        for bad in ["month", "2026-11-28..", "..2026-11-28", "2026-11-28..2026-11-21", "x..y"] {
            #expect(throws: (any Error).self, "\(bad)") { try DigestPeriod.parse(bad, nowMilliseconds: 0, timeZone: Self.utc) }
        }
    }

    @Test func sparklineScalesToThePeakAndMarksEmptyBuckets() {
        #expect(DigestWording.sparkline([0, 1, 2, 4, 8]) == "·▁▂▄█")
        #expect(DigestWording.sparkline([0, 0]) == "··")
        #expect(DigestWording.sparkline([5]) == "█")
    }

    @Test func subjectsLoseControlCharactersAndEncodeNonASCIIWithoutSplittingCharacters() throws {
        #expect(MIMEMessage.encodedSubject("[svirt-trace] hv01\r\nBcc: x@y 2026-11-28") == "[svirt-trace] hv01  Bcc: x@y 2026-11-28")
        let name = "[svirt-trace] größe-ноутбук-日本語-\(String(repeating: "é", count: 40))"
        let encoded = MIMEMessage.encodedSubject(name)
        #expect(!encoded.contains("\r") && !encoded.contains("\n"))
        let words = encoded.split(separator: " ")
        #expect(words.allSatisfy { $0.hasPrefix("=?utf-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        // Each word decodes on its own (no character split across words), and together they are the subject.
        let decoded = words.map { word -> String in
            let b64 = word.dropFirst("=?utf-8?B?".count).dropLast(2)
            let data = Data(base64Encoded: String(b64))!
            return String(data: data, encoding: .utf8)!
        }.joined()
        #expect(decoded == name)
    }

    @Test func dotStuffingKeepsABodyLineFromEndingData() {
        let stuffed = SMTPClient.dotStuffed("a\r\n.\r\n..b\r\nc")
        #expect(stuffed == "a\r\n..\r\n...b\r\nc\r\n")
        #expect(!stuffed.contains("\r\n.\r\n"))
    }

    @Test func onlyBareAddressesAreAccepted() {
        for good in ["soc@example.org", "first.last+tag@sub.example.org", "root@localhost"] {
            #expect((try? MailAddress(good)) != nil, "\(good)")
        }
        for bad in ["", "a", "@b", "a@", "a@b@c", "a b@c", "a@b c", "<a@b>", "A <a@b>", "a@b\r\nBcc: c@d", "a@b,c@d", "a@.b", "a@b."] {
            #expect((try? MailAddress(bad)) == nil, "\(bad.debugDescription)")
        }
    }

    @Test func smtpURLsNameAHostAndAPort() throws {
        let plain = try SMTPClient(url: "smtp://localhost", heloName: "hv01")
        #expect(plain.host == "localhost" && plain.port == 25)
        let ported = try SMTPClient(url: "smtp://127.0.0.1:2525/", heloName: "hv01")
        #expect(ported.host == "127.0.0.1" && ported.port == 2525)
        let v6 = try SMTPClient(url: "smtp://[::1]:587", heloName: "")
        #expect(v6.host == "::1" && v6.port == 587 && v6.heloName == "localhost")
        for bad in ["http://x", "smtp://", "smtp://host:port", "smtp://host:99999", "smtp://[::1"] {
            #expect(throws: (any Error).self, "\(bad)") { try SMTPClient(url: bad, heloName: "h") }
        }
    }

    /// Plain SMTP only to this host: a relay elsewhere would get the mail (and any password) in
    /// clear, so it is refused, naming msmtp as the way there.
    @Test func smtpToAnotherHostIsRefusedNamingMsmtp() {
        for remote in ["smtp://relay.example.org", "smtp://relay.example.org:587", "smtp://10.0.0.5", "smtp://[2001:db8::1]:25",
                       "smtp://127.0.0.2", "smtp://localhost.example.org"] {
            #expect(throws: (any Error).self, "\(remote)") { try SMTPClient(url: remote, heloName: "h") }
            do { _ = try SMTPClient(url: remote, heloName: "h") } catch {
                #expect("\(error)".contains("msmtp") && "\(error)".contains("STARTTLS"), "\(error)")
            }
        }
        for local in ["smtp://LOCALHOST:2525", "smtp://127.0.0.1", "smtp://[::1]"] {
            #expect((try? SMTPClient(url: local, heloName: "h")) != nil, "\(local)")
        }
    }
}
