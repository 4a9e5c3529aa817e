import Foundation
import Testing
import TestSupport

/// The timer, service and defaults file an operator installs for daily digests.
@Suite struct ShippedDigestFilesTests {
    @Test func theTimerRunsDailyAndCatchesUpAfterDowntime() throws {
        let timer = try Fixtures.settings("rules/systemd/svirt-trace-digest.timer")
        #expect(timer["OnCalendar"] == "*-*-* 00:10:00")
        #expect(timer["Persistent"] == "true")
        let service = try Fixtures.settings("rules/systemd/svirt-trace-digest.service")
        #expect(service["Type"] == "oneshot")
        #expect(service["EnvironmentFile"] == "/etc/default/svirt-trace-digest")
        // The database, recipients and mailer come from /etc/svirt-trace/svirt-trace.conf.
        #expect(service["ExecStart"]?.hasSuffix("svirt-trace digest --period ${DIGEST_PERIOD} --send $DIGEST_ARGS") == true)
    }

    @Test func theShippedDefaultsAreArgumentsTheCommandAccepts() throws {
        let defaults = try Fixtures.settings("rules/systemd/svirt-trace-digest.default")
        let period = try #require(defaults["DIGEST_PERIOD"])
        let args = try #require(defaults["DIGEST_ARGS"]).trimmingCharacters(in: ["\""]).split(separator: " ").map(String.init)
        #expect(period == "day")
        // Everything the service passes except --send, with a config file that names the
        // database and the recipient, as /etc/svirt-trace/svirt-trace.conf does: the MIME message
        // is written instead.
        let folder = try Fixtures.temporaryFolder("digest-conf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let conf = folder.appendingPathComponent("svirt-trace.conf")
        try "database: \(DigestFixture.workloadDB)\ndigest:\n  to: [soc@example.org]\n".write(to: conf, atomically: true, encoding: .utf8)
        let r = try Binary.run(["digest", "--period", period] + args,
                               environment: ["SVIRT_TRACE_NOW": "2025-11-26T00:10:00Z", "TZ": "UTC", "SVIRT_TRACE_CONFIG": conf.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Content-Type: multipart/alternative"))
        #expect(r.stdout.contains("To: soc@example.org"))
    }
}
