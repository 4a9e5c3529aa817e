import Foundation
import Testing
@testable import Alerts
import AuditStream
import Findings

/// A flood's repeats carry `Denial.repeatOf`, and the engine keeps what it worked out for the
/// first (the rule, the keys, the window's last alert) instead of working it out again. None of
/// that may change what it stores or sends: the same denials without the mark must give the same
/// saved windows after every transaction and the same alerts.
@Suite struct FloodRepeatTests {
    @Test func markedRepeatsSaveAndSendWhatUnmarkedOnesDo() throws {
        // Two pairs of a flood, interleaved, over several dedupe windows, with a permissive one.
        var denials: [(Int, String, String, Int)] = []
        for second in stride(from: 10, to: 400, by: 3) {
            denials.append((second, AlertEngineTests.image, "file", 0))
            denials.append((second + 1, "system_u:object_r:etc_t:s0", "file", second % 30 == 1 ? 1 : 0))
        }
        let events = try AlertWindowTests.findings(AlertEngineTests.log(denials))
        // The memo's mark: one number per distinct denial but for its identity.
        var tokens: [String: Int] = [:]
        let marked = events.map { findings in
            findings.map { finding -> Finding in
                guard case .denial(var denial) = finding else { return finding }
                let shape = "\(denial.target.raw)|\(denial.permissive == true)"
                denial.repeatOf = tokens[shape] ?? {
                    tokens[shape] = tokens.count + 1
                    return tokens.count
                }()
                return .denial(denial)
            }
        }
        #expect(tokens.count == 3)
        var plain = AlertEngine(), flood = AlertEngine()
        var plainAlerts: [Alert] = [], floodAlerts: [Alert] = []
        for (index, (unmarked, repeats)) in zip(events, marked).enumerated() {
            plainAlerts += plain.process(unmarked)
            floodAlerts += flood.process(repeats)
            // A transaction every few events, as watch commits.
            if index % 7 == 0 {
                let a = plain.takeChanges(), b = flood.takeChanges()
                #expect(a.map(\.key) == b.map(\.key))
                #expect(a.map(\.value) == b.map(\.value), "saved windows after event \(index)")
            }
        }
        plainAlerts += plain.flush()
        floodAlerts += flood.flush()
        #expect(plainAlerts.count > 6)
        #expect(plainAlerts.contains { $0.id.hasSuffix("/repeats") })
        #expect(plainAlerts.map(\.json) == floodAlerts.map(\.json))
    }
}
