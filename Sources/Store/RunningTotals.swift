import Native

/// The running-total tables (`pair_totals`, `daily_totals`, `node_activity`), gathered in memory
/// for the open transaction and written once per touched row just before it commits. A flood of
/// one pair's denials then costs one upsert per commit instead of two statements per denial.
/// Nothing is kept across transactions: a rollback simply drops what was gathered.
public final class RunningTotals {
    /// The kinds `pair_totals` counts: what the cross-guest report shows by default.
    public static let pairKinds = ["cross-guest", "unknown-source", "unknown-target"]

    /// Hashed once, at init: a flood looks its pair up once per event, and the two uuids (or
    /// labels) cost more to hash than the rest of its counting.
    struct PairKey: Hashable {
        let source: String
        let target: String
        private let hash: Int

        init(source: String, target: String) {
            self.source = source
            self.target = target
            var hasher = Hasher()
            hasher.combine(source)
            hasher.combine(target)
            hash = hasher.finalize()
        }

        /// By bytes: keys are stored as text, and two that differ only in Unicode normalization are
        /// two rows of `pair_totals` (String's == would take them for one).
        static func == (a: PairKey, b: PairKey) -> Bool {
            a.hash == b.hash && ExactText(a.source) == ExactText(b.source) && ExactText(a.target) == ExactText(b.target)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }
    }

    struct Pair {
        var sourceVM: SQLValue
        var targetVM: SQLValue
        var count: Int64 = 0
        var first = Int64.max
        var last = Int64.min
        /// By bytes, as the rows list them: two spellings of a node name are two nodes.
        var kinds: Set<ExactText> = []
        var perms: Set<ExactText> = []
        var tclasses: Set<ExactText> = []
        var nodes: Set<ExactText> = []
        var permissive = false
        var samplePath: String?
    }

    /// Nodes by their bytes (ExactText): two node names that differ only in Unicode
    /// normalization are two nodes to audit_events, and their totals must not merge.
    struct DayKey: Hashable {
        var day: Int64
        var node: ExactText
        var kind: String
    }

    private var pairs: [PairKey: Pair] = [:]
    /// The repeat numbers whose kind, permissions, class and node are in `pairs` already.
    private var pairRepeats: Set<Int> = []
    /// The sets (kinds, perms, tclasses, nodes) of pairs as stored, so that a flood of one pair
    /// costs an UPDATE of its counts per commit, not a read, a merge and a rewrite of its sets.
    /// Valid while no other writer committed (`forgetStored`).
    private var storedSets: [PairKey: [Set<ExactText>]] = [:]
    private let bumpPair: SQLiteStatement
    private var days: [DayKey: (count: Int64, last: Int64)] = [:]
    private var nodes: [ExactText: (events: Int64, last: Int64)] = [:]

    private let findPair: SQLiteStatement
    private let upsertPair: SQLiteStatement
    private let addDay: SQLiteStatement
    private let addNode: SQLiteStatement

    private let connection: SQLiteDatabase

    init(connection db: SQLiteDatabase) throws {
        connection = db
        findPair = try db.prepare("""
            SELECT kinds, perms, tclasses, nodes FROM pair_totals WHERE source_key = ? AND target_key = ?
            """)
        upsertPair = try db.prepare("""
            INSERT INTO pair_totals(source_key, target_key, source_vm, target_vm, kinds, count, first_ms, last_ms,
                                    perms, tclasses, nodes, permissive, sample_path)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT DO UPDATE SET count = count + excluded.count, first_ms = min(first_ms, excluded.first_ms),
                last_ms = max(last_ms, excluded.last_ms), kinds = excluded.kinds, perms = excluded.perms,
                tclasses = excluded.tclasses, nodes = excluded.nodes, permissive = max(permissive, excluded.permissive),
                sample_path = CASE WHEN sample_path IS NULL THEN excluded.sample_path
                                   WHEN excluded.sample_path IS NULL THEN sample_path
                                   ELSE min(sample_path, excluded.sample_path) END,
                source_vm = coalesce(source_vm, excluded.source_vm), target_vm = coalesce(target_vm, excluded.target_vm)
            """)
        bumpPair = try db.prepare("""
            UPDATE pair_totals SET count = count + ?3, first_ms = min(first_ms, ?4), last_ms = max(last_ms, ?5),
                permissive = max(permissive, ?6),
                sample_path = CASE WHEN sample_path IS NULL THEN ?7 WHEN ?7 IS NULL THEN sample_path
                                   ELSE min(sample_path, ?7) END,
                source_vm = coalesce(source_vm, ?8), target_vm = coalesce(target_vm, ?9)
            WHERE source_key = ?1 AND target_key = ?2
            """)
        addDay = try db.prepare("""
            INSERT INTO daily_totals(day, node, kind, count, last_ms) VALUES (?,?,?,?,?)
            ON CONFLICT DO UPDATE SET count = count + excluded.count, last_ms = max(last_ms, excluded.last_ms)
            """)
        addNode = try db.prepare("""
            INSERT INTO node_activity(node, events, last_ms) VALUES (?,?,?)
            ON CONFLICT DO UPDATE SET events = events + excluded.events, last_ms = max(last_ms, excluded.last_ms)
            """)
    }

    var isEmpty: Bool { pairs.isEmpty && days.isEmpty && nodes.isEmpty }

    // Each adds in place (one hash lookup, no copy of a pair's sets): a flood calls them per event.
    func addEvent(node: String, time: Int64) {
        Self.bump(&nodes[ExactText(node), default: (0, Int64.min)], time: time)
    }

    private static func bump(_ entry: inout (events: Int64, last: Int64), time: Int64) {
        entry.events += 1
        entry.last = max(entry.last, time)
    }

    func addDenial(day: Int64, node: String, kind: String, time: Int64) {
        Self.bump(&days[DayKey(day: day, node: ExactText(node), kind: kind), default: (0, Int64.min)], time: time)
    }

    private static func bump(_ entry: inout (count: Int64, last: Int64), time: Int64) {
        entry.count += 1
        entry.last = max(entry.last, time)
    }

    /// - Parameter repeatOf: the same number for a flood's repeats, which add the same kind,
    ///   permissions, class and node: once one of them did in this transaction, the rest only count.
    func addPair(_ key: PairKey, sourceVM: SQLValue, targetVM: SQLValue, kind: String, perms: [String], tclass: String,
                 node: String, permissive: Bool, path: String?, time: Int64, last: Int64? = nil, count: Int64 = 1,
                 repeatOf: Int? = nil) {
        let setsKnown = repeatOf.map { !pairRepeats.insert($0).inserted } ?? false
        Self.add(to: &pairs[key, default: Pair(sourceVM: sourceVM, targetVM: targetVM)], sourceVM: sourceVM,
                 targetVM: targetVM, kind: kind, perms: perms, tclass: tclass, node: node, permissive: permissive,
                 path: path, time: time, last: last ?? time, count: count, setsKnown: setsKnown)
    }

    private static func add(to pair: inout Pair, sourceVM: SQLValue, targetVM: SQLValue, kind: String, perms: [String],
                            tclass: String, node: String, permissive: Bool, path: String?, time: Int64, last: Int64,
                            count: Int64, setsKnown: Bool) {
        if case .null = pair.sourceVM { pair.sourceVM = sourceVM }
        if case .null = pair.targetVM { pair.targetVM = targetVM }
        pair.count += count
        pair.first = min(pair.first, time)
        pair.last = max(pair.last, last)
        pair.permissive = pair.permissive || permissive
        if let path, pair.samplePath.map({ path < $0 }) ?? true { pair.samplePath = path }
        guard !setsKnown else { return }
        // A lookup before each insert: inserting a member already there still hashes it and may
        // make the set unique first.
        func add(_ text: String, to set: inout Set<ExactText>) {
            let member = ExactText(text)
            if !set.contains(member) { set.insert(member) }
        }
        add(kind, to: &pair.kinds)
        for perm in perms { add(perm, to: &pair.perms) }
        add(tclass, to: &pair.tclasses)
        add(node, to: &pair.nodes)
    }

    /// Writes what was gathered, merging each pair's sets with its stored row (SQL has no set
    /// union), and starts empty.
    func flush() throws {
        for (key, pair) in pairs {
            let new = [pair.kinds, pair.perms, pair.tclasses, pair.nodes]
            if let known = storedSets[key], zip(known, new).allSatisfy({ $1.isSubset(of: $0) }) {
                try bumpPair.run([.text(key.source), .text(key.target), .integer(pair.count), .integer(pair.first),
                                  .integer(pair.last), .integer(pair.permissive ? 1 : 0), pair.samplePath.sql,
                                  pair.sourceVM, pair.targetVM])
                // The row is gone (pruned): write it whole below.
                if connection.changes > 0 { continue }
                storedSets[key] = nil
            }
            try findPair.bind([.text(key.source), .text(key.target)])
            var stored: [Set<ExactText>] = [[], [], [], []]
            if try findPair.step() {
                for i in 0..<4 {
                    stored[i] = Set(StoredList.split(findPair.string(at: i)).map(ExactText.init))
                }
            }
            while try findPair.step() {}
            func merged(_ index: Int, _ new: Set<ExactText>) -> SQLValue {
                .text(StoredList.join(stored[index].union(new).map(\.text).sorted(by: ExactText.byBytes)))
            }
            if storedSets.count >= 10_000 { storedSets.removeAll(keepingCapacity: true) }
            storedSets[key] = zip(stored, new).map { $0.union($1) }
            try upsertPair.run([
                .text(key.source), .text(key.target), pair.sourceVM, pair.targetVM, merged(0, pair.kinds),
                .integer(pair.count), .integer(pair.first), .integer(pair.last), merged(1, pair.perms),
                merged(2, pair.tclasses), merged(3, pair.nodes), .integer(pair.permissive ? 1 : 0), pair.samplePath.sql,
            ])
        }
        for (key, value) in days {
            try addDay.run([.integer(key.day), .text(key.node.text), .text(key.kind), .integer(value.count), .integer(value.last)])
        }
        for (node, value) in nodes {
            try addNode.run([.text(node.text), .integer(value.events), .integer(value.last)])
        }
        discard()
    }

    /// Another writer committed, or this transaction was rolled back: the stored sets may differ.
    func forgetStored() {
        storedSets.removeAll()
    }

    func discard() {
        pairs.removeAll(keepingCapacity: true)
        pairRepeats.removeAll(keepingCapacity: true)
        days.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }
}
