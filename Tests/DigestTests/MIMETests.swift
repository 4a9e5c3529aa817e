import Foundation
import Testing
import TestSupport

/// The mail as a real MIME parser (Python's `email` package) reads it back, and what hostile
/// guest names and a hostile --name can and cannot do to it.
@Suite struct MIMETests {
    static func mime(_ db: String, _ period: String, extra: [String] = []) throws -> String {
        let r = try Binary.run(["digest", "--db", db, "--period", period, "--to", "soc@example.org",
                                "--to", "oncall@example.org", "--from", "svirt-trace@hv01.example.org"] + extra,
                               environment: ["TZ": "UTC", "SVIRT_TRACE_NOW": "2026-11-29T06:00:00Z"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func theMailParsesBackWithBothPartsIntact() throws {
        let message = try Self.mime(DigestFixture.workloadDB, DigestFixture.period)
        let parsed = try DigestFixture.parseMIME(message)
        #expect(parsed["type"] as? String == "multipart/alternative")
        #expect(parsed["defects"] as? Int == 0)
        #expect((parsed["longest"] as? Int ?? 9999) <= 998)
        let parts = parsed["parts"] as? [[String: Any]] ?? []
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"], "plain first, then HTML")
        #expect(parts.allSatisfy { $0["charset"] as? String == "utf-8" && $0["encoding"] as? String == "base64" })
        // The parts are exactly what --format text and --format html write.
        let text = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", DigestFixture.period,
                                   "--format", "text"], environment: ["TZ": "UTC"]).stdout
        let html = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", DigestFixture.period,
                                   "--format", "html"], environment: ["TZ": "UTC"]).stdout
        #expect(parts.first?["text"] as? String == text)
        #expect(parts.last?["text"] as? String == html)
        #expect(DigestFixture.header(parsed, "To") == ["soc@example.org, oncall@example.org"])
        #expect(DigestFixture.header(parsed, "From") == ["svirt-trace@hv01.example.org"])
        #expect(DigestFixture.header(parsed, "Date") == ["Sun, 29 Nov 2026 06:00:00 +0000"])
        #expect(DigestFixture.header(parsed, "Message-ID").first?.hasPrefix("<svirt-trace.") == true)
        let db = DigestFixture.workloadDB
        let day = "time_ms >= 1764028800000 AND time_ms < 1764115200000"
        let cross = try DigestFixture.count(db, "SELECT count(*) FROM denials WHERE kind = 'cross-guest' AND \(day)")
        let allowed = try DigestFixture.count(db, "SELECT count(*) FROM denials WHERE permissive = 1 AND \(day)")
        let guestHost = try DigestFixture.count(db, "SELECT count(*) FROM denials WHERE kind = 'guest-host' AND \(day)")
        let policy = try DigestFixture.count(db, "SELECT count(*) FROM events WHERE kind IN ('enforcing-change', 'boolean-change', 'policy-load') AND \(day)")
        #expect(cross > 0 && allowed > 0 && guestHost > 0 && policy > 0, "the fixture exercises every headline")
        #expect(DigestFixture.header(parsed, "Subject")
                == ["[svirt-trace] 2 nodes 2025-11-25: \(cross) cross-guest, \(allowed) ALLOWED, \(guestHost) guest-host, \(policy) policy change\(policy == 1 ? "" : "s")"])
    }

    @Test func hostileGuestNamesAreEscapedAndCannotAddHeaders() throws {
        let message = try Self.mime(DigestFixture.hostileDB, "2025-11-28T00:00:00Z..2025-11-29T00:00:00Z",
                                    extra: ["--name", "hv01\r\nBcc: y@example.com"])
        let parsed = try DigestFixture.parseMIME(message)
        #expect(parsed["defects"] as? Int == 0)
        let names = (parsed["headers"] as? [[String]] ?? []).map { $0[0].lowercased() }
        #expect(!names.contains("bcc"), "no header came from a guest name or --name: \(names)")
        #expect(Set(names) == ["date", "from", "to", "subject", "message-id", "mime-version", "auto-submitted", "content-type"])
        let subject = DigestFixture.header(parsed, "Subject").first ?? ""
        #expect(!subject.contains("\r") && !subject.contains("\n"))
        #expect(subject.hasPrefix("[svirt-trace] hv01  Bcc: y@example.com 2025-11-28: 2 cross-guest, 1 ALLOWED"))
        let parts = parsed["parts"] as? [[String: Any]] ?? []
        let text = parts.first?["text"] as? String ?? ""
        let html = parts.last?["text"] as? String ?? ""
        // HTML: the script tag arrives as text, the CR LF as a visible mark.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("evil&#x2426;&#x2426;Bcc: x@example.com"))
        // Text: control characters are shown escaped, never raw.
        #expect(text.contains("evil\\r\\nBcc: x@example.com"))
        #expect(!text.contains("\r"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("Bcc:") })
    }

    @Test func badAddressesAreRefusedBeforeAnythingIsWritten() throws {
        for bad in ["soc@example.org\r\nBcc: x@example.com", "Security <soc@example.org>", "no-at-sign", "a@b@c"] {
            let r = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", DigestFixture.period, "--to", bad])
            #expect(r.status == 2, "\(bad.debugDescription): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("not a mail address"))
        }
    }

    @Test func skipEmptyWritesNothingForAQuietPeriod() throws {
        let quiet = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", "2025-11-20T00:00:00Z..2025-11-21T00:00:00Z",
                                    "--skip-empty"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        #expect(quiet.stderr.contains("nothing above information"))
        let busy = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", DigestFixture.period, "--skip-empty"])
        #expect(busy.stdout.contains("cross-guest attempts"))
    }

    @Test func aNodeTheStoreDoesNotKnowIsWarnedAbout() throws {
        let r = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", DigestFixture.period, "--node", "hv9"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("no node named \"hv9\" (known: hv01, hv02)"), "\(r.stderr)")
        let known = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", DigestFixture.period, "--node", "hv01"])
        #expect(known.stderr.isEmpty)
        #expect(known.stdout.hasPrefix("svirt-trace digest: hv01,"))
    }

    /// Parse errors are kept per log source, not per node: a digest of one node counts every
    /// node's, and says so; one of every node says only "parse errors".
    @Test func aDigestOfSomeNodesSaysItsParseErrorsAreEveryNodes() throws {
        let one = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", DigestFixture.period, "--node", "hv01"])
        #expect(one.stdout.contains("parse errors, of every node (they are not kept per node): "), "\(one.stdout)")
        let html = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", DigestFixture.period, "--node", "hv01",
                                   "--format", "html"])
        #expect(html.stdout.contains("Parse errors, of every node (they are not kept per node): "))
        let all = try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", DigestFixture.period])
        #expect(all.stdout.contains("   parse errors: ") && !all.stdout.contains("of every node"), "\(all.stdout)")
    }
}
