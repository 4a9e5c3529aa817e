import Foundation
import Testing
@testable import Alerts
import TestSupport

/// Inputs tools/fuzz found (Tests/Fixtures/fuzz/), minimised. While such a bug is open the input
/// traps, so each runs as an exit test: in a child process, failing cleanly instead of taking the
/// whole test run down. Exit codes: 2 fixture unreadable, 3 accepted, 4 wrong error.
@Suite struct AlertRulesFuzzFindingsTests {
    /// fuzz-alert-rules: `{[]}`, a mapping whose key is a sequence, trapped inside Yams.load(yaml:)
    /// (it force-unwraps every mapping key as a String). A rules file is operator input: a bad
    /// one must be an AlertRules.Failure naming the file, not a crash of `watch`.
    @Test func aMappingWithANonStringKeyIsAFailureNotATrap() async {
        await #expect(processExitsWith: .success) {
            let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz/alert-rules-sequence-as-key.yaml")
            guard let text = try? String(contentsOf: url, encoding: .utf8), !text.isEmpty else { exit(2) }
            do {
                _ = try AlertRules.parse(text, file: "x.yaml")
                exit(3)
            } catch let failure as AlertRules.Failure {
                if !failure.description.hasPrefix("x.yaml: ") { exit(4) }
            } catch {
                exit(4)
            }
        }
    }
}
