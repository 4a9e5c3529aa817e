import Native

extension RunningTotals {
    /// Writes these pairs' rows of `pair_totals` again from their runs: after runs were removed
    /// (a prune) or changed kind (coverage), a pair's first time and sets change, not only its count.
    static func recomputePairs(_ pairs: [(source: String, target: String)], connection db: SQLiteDatabase) throws {
        guard !pairs.isEmpty else { return }
        let totals = try RunningTotals(connection: db)
        let kinds = pairKinds.map { "'\($0)'" }.joined(separator: ", ")
        let runs = try db.prepare("""
            SELECT r.kind, r.perms, r.tclass, r.node, r.permissive, pa.text, r.first_ms, r.last_ms, r.count, sv.text, tv.text
            FROM denial_runs r
            JOIN strings sk ON sk.id = r.source_key JOIN strings tk ON tk.id = r.target_key
            LEFT JOIN strings pa ON pa.id = r.path
            LEFT JOIN strings sv ON sv.id = r.source_vm LEFT JOIN strings tv ON tv.id = r.target_vm
            WHERE r.kind IN (\(kinds)) AND sk.text = ? AND tk.text = ?
            """)
        for (source, target) in pairs {
            try db.run("DELETE FROM pair_totals WHERE source_key = ? AND target_key = ?", [.text(source), .text(target)])
            try runs.bind([.text(source), .text(target)])
            while try runs.step() {
                let node = runs.string(at: 3) ?? ""
                totals.addPair(.init(source: source, target: target), sourceVM: runs.value(at: 9), targetVM: runs.value(at: 10),
                               kind: runs.string(at: 0) ?? "", perms: (runs.string(at: 1) ?? "").split(separator: " ").map(String.init),
                               tclass: runs.string(at: 2) ?? "", node: node.isEmpty ? "-" : node,
                               permissive: runs.int64(at: 4) == 1, path: runs.string(at: 5),
                               time: runs.int64(at: 6) ?? 0, last: runs.int64(at: 7) ?? 0, count: runs.int64(at: 8) ?? 0)
            }
        }
        try totals.flush()
    }
}
