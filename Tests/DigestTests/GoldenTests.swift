import Foundation
import Testing
import Store
import TestSupport
import Formatting

/// The text and HTML digests of a fixed workload, compared with files under Golden/. After an
/// intended change, regenerate them with SVIRT_TRACE_UPDATE_GOLDEN=1 swift test --filter GoldenTests
/// and review the diff.
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The digest as the CLI writes it; the store is named through the environment so the
    /// suggested commands carry no temporary path.
    static func digest(_ format: String, extra: [String] = []) throws -> String {
        let r = try Binary.run(["digest", "--period", DigestFixture.period, "--format", format, "--name", "golden"] + extra,
                               environment: ["SVIRT_TRACE_DB": DigestFixture.workloadDB, "TZ": "UTC"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    static func compare(_ actual: String, golden name: String) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SVIRT_TRACE_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("\(name) differs from line \(first + 1): got \"\(first < a.count ? a[first] : "<end>")\", want \"\(first < e.count ? e[first] : "<end>")\"")
        }
    }

    @Test func textDigestMatchesGolden() throws {
        try Self.compare(try Self.digest("text"), golden: "day.txt")
    }

    @Test func htmlDigestMatchesGolden() throws {
        try Self.compare(try Self.digest("html"), golden: "day.html")
    }

    @Test func aDayDigestCoversThePreviousDayWhenEverItRuns() throws {
        // Early and late on the next day: the same period, the same content.
        func day(at now: String) throws -> String {
            let r = try Binary.run(["digest", "--period", "day", "--name", "golden"],
                                   environment: ["SVIRT_TRACE_DB": DigestFixture.workloadDB, "TZ": "UTC", "SVIRT_TRACE_NOW": now])
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout
        }
        let early = try day(at: "2025-11-26T00:05:00Z")
        #expect(early == (try day(at: "2025-11-26T23:59:00Z")))
        let range = try Self.digest("text")
        #expect(early.split(separator: "\n").dropFirst(3) == range.split(separator: "\n").dropFirst(3),
                "day means exactly the range of the calendar day before (only the headings name it differently)")
        #expect(early.hasPrefix("svirt-trace digest: golden, day 2025-11-25\n"))
        let cross = try DigestFixture.count(DigestFixture.workloadDB, "SELECT count(*) FROM denials WHERE kind = 'cross-guest'")
        #expect(early.contains("cross-guest attempts" + String(repeating: " ", count: 12 - String(cross).count) + "\(cross)       0"),
                "the headline counts what the store holds for that day")
    }

    @Test func nodesThatSaidNothingAreListedSilentWithTheirLastEvent() throws {
        let r = try Binary.run(["digest", "--period", "2025-11-26T00:00:00Z..2025-11-27T00:00:00Z"],
                               environment: ["SVIRT_TRACE_DB": DigestFixture.workloadDB, "TZ": "UTC"])
        #expect(r.status == 0, "\(r.stderr)")
        for node in ["hv01", "hv02"] {
            let last = try DigestFixture.count(DigestFixture.workloadDB, "SELECT max(time_ms) FROM audit_events WHERE node = '\(node)'")
            let stamp = Timestamp.iso8601(milliseconds: Int64(last))
            // Local time with its offset (TZ=UTC here), as the day boundaries are taken.
            let shown = String(stamp.prefix(10)) + " " + String(stamp.dropFirst(11).prefix(8)) + " +00:00"
            #expect(r.stdout.contains("node \(node): 0 events stored, last \(shown); SILENT"), "\(node) last \(shown)")
        }
        let before = try DigestFixture.count(DigestFixture.workloadDB, "SELECT count(*) FROM denials")
        #expect(r.stdout.contains("all denials" + String(repeating: " ", count: 20) + "0" + String(repeating: " ", count: 8 - String(before).count) + "\(before)"),
                "the day before is compared")
    }
}
