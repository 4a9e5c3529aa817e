import Foundation
import Testing
@testable import Reports

/// Runs whose time ranges overlap are read together (one scan of their joint range), the others
/// one probe each: probed one by one, overlapping runs read the same events once per run.
@Suite struct RunEventsGroupingTests {
    static func run(_ id: Int64, _ first: Int64, _ last: Int64) -> RunEvents.Run {
        RunEvents.Run(id: id, firstMs: first, lastMs: last, count: 1)
    }

    @Test func overlappingRangesFormOneGroupAndSeparateOnesTheirOwn() {
        let runs = [Self.run(1, 100, 200), Self.run(2, 500, 600), Self.run(3, 150, 300), Self.run(4, 300, 310),
                    Self.run(5, 311, 400), Self.run(6, 600, 600)]
        let groups = RunEvents.overlapping(runs).map { $0.map { runs[$0].id } }
        // 1 [100,200] overlaps 3 [150,300], which touches 4 [300,310]; 5 begins after; 2 and 6 share 600.
        #expect(groups == [[1, 3, 4], [5], [2, 6]])
    }

    @Test func everyRunIsInExactlyOneGroup() {
        var generator = SystemRandomNumberGenerator()
        let runs = (0..<500).map { id -> RunEvents.Run in
            let first = Int64.random(in: 0..<100_000, using: &generator)
            return Self.run(Int64(id), first, first + Int64.random(in: 0..<2_000, using: &generator))
        }
        let groups = RunEvents.overlapping(runs)
        #expect(groups.flatMap { $0 }.sorted() == Array(runs.indices))
        // Groups do not overlap one another, and within one each run overlaps the joint range so far.
        for (a, b) in zip(groups, groups.dropFirst()) {
            let aEnd = a.map { runs[$0].lastMs }.max()!
            let bStart = b.map { runs[$0].firstMs }.min()!
            #expect(aEnd < bStart)
        }
    }
}
