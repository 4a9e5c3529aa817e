import Testing
@testable import SELinux
import TestSupport

/// Category numbers from a log are attacker-controlled: every spelling is an error or a set,
/// never a trap, and an out-of-range number is reported as it was written.
@Suite struct CategoryRangeTests {
    @Test(arguments: ["c99999999999999999999999", "c9223372036854775808", "c0.c99999999999999999999", "c18446744073709551616,c1"])
    func numbersPastIntAreOutOfRangeAsWritten(text: String) {
        do {
            _ = try CategorySet.parse(Substring(text))
            Issue.record("\(text) was accepted")
        } catch let error as SELinuxError {
            guard case .categoryOutOfRange(let written) = error else {
                Issue.record("expected categoryOutOfRange, got \(error)")
                return
            }
            #expect(text.contains(written), "the number as written, not Int.max: \(error)")
            #expect(!error.description.contains("9223372036854775807") || text.contains("9223372036854775807"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aHugeNumberIsShortenedInTheMessage() {
        let text = "c" + String(repeating: "9", count: 5000)
        guard case .categoryOutOfRange(let written)? = catchError(text) else {
            Issue.record("expected categoryOutOfRange")
            return
        }
        #expect(written.count < 40)
    }

    private func catchError(_ text: String) -> SELinuxError? {
        do { _ = try CategorySet.parse(Substring(text)); return nil } catch { return error as? SELinuxError }
    }

    /// Random levels built from digits, dots, commas and letters: parse or throw, never trap,
    /// and whatever parses holds only categories c0...c1023.
    @Test func randomLevelTextNeverTraps() {
        let seed = UInt64.random(in: 1...1_000_000)
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("c0123456789.,:-s9")
        for _ in 0..<20000 {
            let count = Int(rng.next() % 40)
            let text = "s0:" + String((0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            if let level = try? MLSLevel.parse(text) {
                #expect(level.categories.members.allSatisfy { (0...1023).contains($0) }, "seed \(seed): \(text)")
            }
            _ = try? SecurityContext.parse("system_u:system_r:svirt_t:" + text)
        }
    }
}
