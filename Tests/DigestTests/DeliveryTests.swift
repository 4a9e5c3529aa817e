import Foundation
import Testing
import TestSupport

/// `--send` against a real SMTP server on loopback (aiosmtpd), through both paths: the built-in
/// SMTP client, and sendmail as Debian's msmtp provides it.
@Suite(.serialized) struct DeliveryTests {
    static let period = DigestFixture.period

    static func send(_ extra: [String], to: [String] = ["soc@example.org", "oncall@example.org"]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Binary.run(["digest", "--db", DigestFixture.workloadDB, "--period", period, "--from", "svirt-trace@hv01.example.org",
                        "--send"] + to.flatMap { ["--to", $0] } + extra, environment: ["TZ": "UTC"])
    }

    /// The delivered message holds the same two parts the MIME output has.
    static func checkDelivered(_ message: SMTPSink.Message) throws {
        #expect(message.mailFrom == "svirt-trace@hv01.example.org")
        #expect(message.recipients == ["soc@example.org", "oncall@example.org"])
        let parsed = try DigestFixture.parseMIME(message.content.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(parsed["type"] as? String == "multipart/alternative")
        let parts = parsed["parts"] as? [[String: Any]] ?? []
        #expect(parts.map { $0["type"] as? String } == ["text/plain", "text/html"])
        #expect((parts.first?["text"] as? String)?.contains("2. Cross-guest attempts") == true)
        #expect((parts.last?["text"] as? String)?.contains("<h2") == true)
    }

    @Test func theBuiltInSMTPClientDelivers() throws {
        let folder = try Fixtures.temporaryFolder("smtp")
        let server = try SMTPSink(folder: folder)
        defer { server.stop() }
        let r = try Self.send(["--mailer", "smtp://127.0.0.1:\(server.port)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty, "sent, not printed")
        #expect(server.messages().count == 1)
        if let m = server.messages().first { try Self.checkDelivered(m) }
    }

    @Test func theSendmailPathDeliversThroughMsmtp() throws {
        let folder = try Fixtures.temporaryFolder("sendmail")
        let server = try SMTPSink(folder: folder)
        defer { server.stop() }
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp"), "apt-get install msmtp (tools/install-deps does)")
        let sendmail = "/usr/bin/msmtp --host=127.0.0.1 --port=\(server.port) --auth=off --tls=off --from=svirt-trace@hv01.example.org -t -oi"
        let r = try Self.send(["--sendmail", sendmail])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(server.messages().count == 1)
        if let m = server.messages().first { try Self.checkDelivered(m) }
    }

    @Test func aRefusedRecipientFailsWithTheServersWordsOnBothPaths() throws {
        let folder = try Fixtures.temporaryFolder("refused")
        let server = try SMTPSink(folder: folder)
        defer { server.stop() }
        let direct = try Self.send(["--mailer", "smtp://127.0.0.1:\(server.port)"], to: ["nobody@example.org"])
        #expect(direct.status == 5)
        #expect(direct.stderr.contains("no such user here"), "\(direct.stderr)")
        let viaSendmail = try Self.send(["--sendmail", "/usr/bin/msmtp --host=127.0.0.1 --port=\(server.port) --from=a@example.org -t"],
                                        to: ["nobody@example.org"])
        #expect(viaSendmail.status == 5)
        #expect(viaSendmail.stderr.contains("no such user here"), "\(viaSendmail.stderr)")
        #expect(server.messages().isEmpty)
    }

    @Test func anUnreachableRelayOrMissingSendmailFailsClearly() throws {
        // Port 9 (discard) is closed on loopback here.
        let down = try Self.send(["--mailer", "smtp://127.0.0.1:9"])
        #expect(down.status == 5)
        #expect(down.stderr.contains("127.0.0.1:9") && down.stderr.contains("refused"), "\(down.stderr)")
        let missing = try Self.send(["--sendmail", "/nonexistent/sendmail -t"])
        #expect(missing.status == 5)
        #expect(missing.stderr.contains("no such program"), "\(missing.stderr)")
        let relative = try Self.send(["--sendmail", "sendmail -t"])
        #expect(relative.status == 5)
        #expect(relative.stderr.contains("absolute path"))
    }
}
