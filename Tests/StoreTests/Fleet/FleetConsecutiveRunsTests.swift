import Testing
import Native
@testable import Store

/// The spool reader reads runs of consecutive rowids by range and the other keys one by one;
/// every key must land in exactly one of the two, whatever the order or the gaps.
@Suite struct FleetConsecutiveRunsTests {
    private func covered(_ split: (runs: [ClosedRange<Int64>], rest: [SQLValue])) -> [SQLValue] {
        split.runs.flatMap { $0.map { SQLValue.integer($0) } } + split.rest
    }

    @Test func everyKeyOnceInARunOrTheRest() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var ids = Set<Int64>()
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let start = Int64.random(in: 1...10_000, using: &generator)
                for id in start..<(start + Int64.random(in: 1...300, using: &generator)) { ids.insert(id) }
            }
            for _ in 0..<Int.random(in: 0...50, using: &generator) { ids.insert(Int64.random(in: 1...20_000, using: &generator)) }
            let keys = ids.shuffled(using: &generator).map { SQLValue.integer($0) } + [.text("[1,\"source\",2]")]
            let split = FleetSpoolReader.consecutiveRuns(keys, minimumRun: 64)
            let all = covered(split)
            #expect(all.count == keys.count)
            #expect(Set(all) == Set(keys))
            for run in split.runs {
                #expect(run.count >= 64)
                // Maximal: the ids just outside a run are not keys.
                #expect(!ids.contains(run.lowerBound - 1) && !ids.contains(run.upperBound + 1))
            }
        }
    }

    @Test func shortRunsAndTextKeysStayKeyByKey() {
        let keys: [SQLValue] = (1...63).map { .integer($0) } + [.integer(100), .text("[\"a\",\"b\"]")]
        let split = FleetSpoolReader.consecutiveRuns(keys, minimumRun: 64)
        #expect(split.runs.isEmpty)
        #expect(split.rest.count == keys.count)
        let long = FleetSpoolReader.consecutiveRuns((5...74).reversed().map { .integer($0) }, minimumRun: 64)
        #expect(long.runs == [5...74] && long.rest.isEmpty)
    }
}
