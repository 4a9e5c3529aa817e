/// Column widths that fit a table into the terminal, as `ps` and `systemctl` fit theirs: the
/// widest columns give up room first and all end at one common width, so short columns (kind,
/// guest names) stay whole and long paths and contexts end in "…". Times and IDs are never cut:
/// a shortened time or ID is no use at all.
enum TableFit {
    static let gap = 2
    /// How narrow a shortened column may get.
    static let narrowest = 6

    /// - Parameters:
    ///   - natural: each column's widest cell (header included).
    ///   - whole: columns never shortened.
    ///   - total: the terminal's columns.
    /// - Returns: `natural` when it fits; else the widest columns cut to one cap, the largest
    ///   that fits, but none below `narrowest` (so a terminal too narrow for that still gets a
    ///   table wider than it has room for).
    static func widths(natural: [Int], whole: [Bool], total: Int) -> [Int] {
        let gaps = gap * max(0, natural.count - 1)
        guard natural.reduce(0, +) + gaps > total else { return natural }
        let fixed = natural.indices.filter { whole[$0] }.map { natural[$0] }.reduce(0, +)
        let room = total - gaps - fixed
        let cuttable = natural.indices.filter { !whole[$0] }
        // The largest cap C with sum(min(natural, C)) <= room over the cuttable columns.
        var cap = narrowest
        var low = narrowest, high = cuttable.map { natural[$0] }.max() ?? narrowest
        while low <= high {
            let mid = (low + high) / 2
            let used = cuttable.map { min(natural[$0], mid) }.reduce(0, +)
            if used <= room { cap = mid; low = mid + 1 } else { high = mid - 1 }
        }
        var widths = natural
        for i in cuttable { widths[i] = min(natural[i], cap) }
        // What the cap left unused goes to the columns it cut, leftmost first.
        var spare = room - cuttable.map { widths[$0] }.reduce(0, +)
        for i in cuttable where widths[i] < natural[i] && spare > 0 {
            let more = min(spare, natural[i] - widths[i])
            widths[i] += more
            spare -= more
        }
        return widths
    }

    /// How narrow a cut column may get before columns to its right are left out instead: wide
    /// enough for a guest name (web01, tenant002), which matters more than a column further right.
    static let readable = 10

    /// The columns kept when even a cut to `readable` is too wide: the rightmost go first (the
    /// tables list what matters most first), never the first two. Returns every index when the
    /// table fits, or when the operator chose the columns (`-o`).
    static func kept(natural: [Int], whole: [Bool], total: Int, chosen: Bool) -> [Int] {
        var kept = Array(natural.indices)
        guard !chosen else { return kept }
        func narrowestWidth(_ columns: [Int]) -> Int {
            columns.map { whole[$0] ? natural[$0] : min(natural[$0], readable) }.reduce(0, +) + gap * max(0, columns.count - 1)
        }
        while kept.count > 2, narrowestWidth(kept) > total { kept.removeLast() }
        // A wide column (a whole time) may have been the one that had to go: the narrower ones
        // left out before it come back, in their order, while they fit.
        for index in natural.indices where !kept.contains(index) {
            let candidate = (kept + [index]).sorted()
            if narrowestWidth(candidate) <= total { kept = candidate }
        }
        return kept
    }

    /// Keys whose values are never cut.
    static let wholeKeys: Set<String> = ["id", "time", "first_seen", "last_seen", "from", "to", "since", "last_event",
                                         "count", "pid", "serial", "seq", "line"]
}
