import Findings

/// What the first denial of a flood worked out for its run and the running totals, kept by the
/// caller's repeat number so that each repeat costs a count, not the same work again. A class:
/// a repeat changes only the minute, in place, and nothing is copied per event.
final class RunPlan {
    var facts: DenialRunFacts
    let sourceSide: SideKey
    let targetSide: SideKey
    /// The pair `pair_totals` counts it under; nil for kinds and sides it does not count.
    let pair: RunningTotals.PairKey?
    let pairNode: String
    let permissive: Bool

    init(_ denial: Denial, minute: Int64) {
        facts = DenialRunFacts(denial, minute: minute)
        sourceSide = SideKey(denial.sources, context: denial.source)
        targetSide = SideKey(denial.targets, context: denial.target)
        if IngestWriter.pairKinds.contains(facts.kind), let source = sourceSide.key, let target = targetSide.key {
            pair = .init(source: source, target: target)
        } else {
            pair = nil
        }
        pairNode = denial.id.node.map { $0.isEmpty ? "-" : $0 } ?? "-"
        permissive = denial.permissive == true
    }
}
