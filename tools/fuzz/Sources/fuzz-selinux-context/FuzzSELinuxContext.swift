import SELinux

/// The SELinux context and MLS parser: SecurityContext, MLSRange, MLSLevel and CategorySet, each
/// on the whole input (contexts come from records, status XML and rules, all input).
///
/// What it accepts must print in a form it accepts again as the same value (the store and the
/// reports print contexts and levels back), and dominance must be reflexive.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSELinuxContext(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)

    if let context = try? SecurityContext.parse(text) {
        let again = try? SecurityContext.parse(context.description)
        require(again == context, "a parsed context does not read back from its own description")
        if let level = context.level { require(level.dominates(level), "a level does not dominate itself") }
        if let range = context.range { require(range.dominates(range), "a range does not dominate itself") }
    }
    if let range = try? MLSRange.parse(text) {
        require((try? MLSRange.parse(range.description)) == range, "a range does not read back from its description")
        require(range.high.dominates(range.low), "an accepted range has a high that does not dominate its low")
    }
    if let level = try? MLSLevel.parse(text) {
        require((try? MLSLevel.parse(level.description)) == level, "a level does not read back from its description")
    }
    if let set = try? CategorySet.parse(Substring(text)) {
        require(set.count == set.members.count, "count and members disagree")
        require(set.members.allSatisfy { (0...CategorySet.maximumCategory).contains($0) }, "a category out of range")
        if !set.isEmpty {
            require((try? CategorySet.parse(Substring(set.description))) == set, "a category set does not read back")
        }
    }
    return 0
}

/// A broken promise of the code under test. fatalError, not precondition: -O drops a precondition's
/// message, and the message says which promise broke.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
