import Foundation
import Testing
@testable import Alerts
import Findings
import Native
import TestSupport

/// What the adversarial review of issue 9 found in the alerting side.
@Suite struct AlertReviewFindingsTests {
    static func gap(at time: Int64) -> Finding {
        .event(RecordedEvent(id: nil, timeMilliseconds: time, node: "hv1", kind: .pipelineGap, vm: nil, uuid: nil,
                             label: nil, detail: [("path", .string("/var/log/audit/audit.log"))]))
    }

    @Test func eachPipelineGapIsItsOwnAlert() {
        var engine = AlertEngine()
        let first = engine.process([Self.gap(at: 1_764_000_000_000)])
        let second = engine.process([Self.gap(at: 1_764_000_600_000)])
        #expect(first.count == 1 && second.count == 1)
        #expect(first.first?.rule == "pipeline-gap")
        #expect(first.first?.id != second.first?.id, "two gaps, two ids: \(first.map(\.id)) \(second.map(\.id))")
    }

    @Test func aRulesFileOfAliasesThatExpandsToBillionsIsRefusedQuickly() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1..<10 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        lines.append("rules: *a9")
        #expect(throws: AlertRules.Failure.self) { try AlertRules.parse(lines.joined(separator: "\n"), file: "bomb.yaml") }
    }

    @Test func aRulesFileOwnedByAnotherUserIsRefused() throws {
        try #require(FileStatus.effectiveUser == 0, "needs root to give a file away (CI runs as root)")
        let folder = try Fixtures.temporaryFolder("rules")
        let path = folder.appendingPathComponent("rules.yaml").path
        try EmbeddedRules.alertsYAML.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try AlertRules.load(path: path).count == AlertRule.defaults.count)
        try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: path)
        do {
            _ = try AlertRules.load(path: path)
            Issue.record("a rules file another user may rewrite was accepted")
        } catch let failure as AlertRules.Failure {
            #expect(failure.description.contains("belongs to user id 65534"))
        }
    }

    @Test func webhookCredentialsNeverReachTheSinkName() throws {
        let sink = try WebhookSink(url: "http://alice:s3cret@127.0.0.1:8080/hook?x=1", tokenFile: nil)
        #expect(!sink.name.contains("s3cret") && !sink.name.contains("alice"))
        #expect(sink.name == "webhook:http://***@127.0.0.1:8080/hook?x=1")
        #expect(throws: SinkError.self) { try WebhookSink(url: "http://127.0.0.1:99999/", tokenFile: nil) }
    }
}
