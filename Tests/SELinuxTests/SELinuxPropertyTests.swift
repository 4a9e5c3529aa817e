import Testing
import Foundation
@testable import SELinux
import TestSupport

/// Property tests with a seeded generator; the seed is printed so a failure can be replayed with
/// SVIRT_TRACE_SEED.
@Suite struct SELinuxPropertyTests {
    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["SVIRT_TRACE_SEED"], let value = UInt64(text) { return value }
        return UInt64.random(in: 1...UInt64.max / 2)
    }()

    func randomSet(_ rng: inout SplitMix64) -> Set<Int> {
        switch rng.next() % 4 {
        case 0: return []
        case 1: return [Int(rng.next() % 1024)]
        case 2:
            let start = Int(rng.next() % 1000)
            return Set(start...(start + Int(rng.next() % 24)))
        default:
            return Set((0..<Int(rng.next() % 12)).map { _ in Int(rng.next() % 1024) })
        }
    }

    @Test func printThenParseGivesTheSameLevel() throws {
        print("SELinuxPropertyTests seed \(Self.seed)")
        var rng = SplitMix64(seed: Self.seed)
        for _ in 0..<2000 {
            let members = randomSet(&rng)
            let level = MLSLevel(sensitivity: Int(rng.next() % 16), categories: try CategorySet(members))
            let text = level.description
            let parsed = try MLSLevel.parse(text)
            #expect(parsed == level, "seed \(Self.seed): \(text)")
            #expect(parsed.description == text)
            #expect(parsed.categories.members == members.sorted())
            let context = SecurityContext(user: "system_u", role: "system_r", type: "svirt_t", range: MLSRange(low: level))
            #expect(try SecurityContext.parse(context.description) == context)
        }
    }

    @Test func dominanceMatchesSetInclusion() throws {
        var rng = SplitMix64(seed: Self.seed &+ 1)
        for _ in 0..<2000 {
            let a = randomSet(&rng)
            let b = rng.next() % 3 == 0 ? a.union(randomSet(&rng)) : randomSet(&rng)
            let sa = Int(rng.next() % 3)
            let sb = Int(rng.next() % 3)
            let la = MLSLevel(sensitivity: sa, categories: try CategorySet(a))
            let lb = MLSLevel(sensitivity: sb, categories: try CategorySet(b))
            #expect(la.dominates(lb) == (sa >= sb && b.isSubset(of: a)), "seed \(Self.seed): \(la) vs \(lb)")
            #expect(lb.dominates(la) == (sb >= sa && a.isSubset(of: b)))
        }
    }
}

