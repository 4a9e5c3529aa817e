import Testing
@testable import Store

/// The SQLite-to-PostgreSQL translation of the reports' statements, on the shapes they use.
@Suite struct PostgresDialectTests {
    @Test func parametersAreNumberedAsSQLiteNumbersThem() {
        #expect(PostgresDialect.translate("SELECT a FROM t WHERE x = ? AND y IN (?, ?)") == "SELECT a FROM t WHERE x = $1 AND y IN ($2, $3)")
        // A bare ? after ?N takes the next number after the highest so far.
        #expect(PostgresDialect.translate("WHERE a <= ?1 AND b IN (?,?) AND c > ?1") == "WHERE a <= $1 AND b IN ($2,$3) AND c > $1")
        #expect(PostgresDialect.translate("LIMIT ?3 OFFSET ?") == "LIMIT $3 OFFSET $4")
    }

    @Test func quotedTextIsLeftAsItIs() {
        #expect(PostgresDialect.translate("SELECT '?', 'it''s ? +x', \"max(\" FROM t WHERE a = ?") == "SELECT '?', 'it''s ? +x', \"max(\" FROM t WHERE a = $1")
        #expect(PostgresDialect.translate("SELECT 'group_concat(x)' || group_concat(y)") == "SELECT 'group_concat(x)' || string_agg((y)::text, ',')")
    }

    @Test func groupConcatBecomesStringAgg() {
        #expect(PostgresDialect.translate("group_concat(DISTINCT d.perms)") == "string_agg(DISTINCT (d.perms)::text, ',')")
        #expect(PostgresDialect.translate("GROUP_CONCAT( distinct CASE d.node WHEN '' THEN '-' ELSE d.node END )")
                == "string_agg(DISTINCT (CASE d.node WHEN '' THEN '-' ELSE d.node END)::text, ',')")
        #expect(PostgresDialect.translate("group_concat(name, ' ')") == "string_agg((name)::text, ' ')")
        // A column whose name begins with "distinct" is not the keyword.
        #expect(PostgresDialect.translate("group_concat(distinctness)") == "string_agg((distinctness)::text, ',')")
    }

    @Test func scalarMaxAndMinBecomeGreatestAndLeastAggregatesStay() {
        #expect(PostgresDialect.translate("SELECT max(max(coalesce(a, -1), coalesce(b, -1))), max(min(r.x, ?1))")
                == "SELECT max(greatest(coalesce(a, -1), coalesce(b, -1))), max(least(r.x, $1))")
        #expect(PostgresDialect.translate("min(d.time_ms), max(d.permissive)") == "min(d.time_ms), max(d.permissive)")
        // Commas inside a nested call or a string are not the scalar form's.
        #expect(PostgresDialect.translate("max(coalesce(a, b))") == "max(coalesce(a, b))")
        #expect(PostgresDialect.translate("min(',')") == "min(',')")
    }

    @Test func plannerHintsGo() {
        #expect(PostgresDialect.translate("SELECT time_ms FROM audit_events INDEXED BY audit_events_time WHERE node = ?")
                == "SELECT time_ms FROM audit_events  WHERE node = $1")
        #expect(PostgresDialect.translate("WHERE +d.node IN (?) AND (+d.time_ms >= ?)") == "WHERE d.node IN ($1) AND (d.time_ms >= $2)")
        // A binary plus stays, spaced or not.
        #expect(PostgresDialect.translate("SELECT a + b, a +b, count(*)+1, x = +y") == "SELECT a + b, a +b, count(*)+1, x = y")
        // "indexed" as a column name is not the hint.
        #expect(PostgresDialect.translate("SELECT indexed FROM t") == "SELECT indexed FROM t")
    }

    @Test func theReportsStatementsTranslateToWhatPostgreSQLParses() {
        // Every parenthesis kept, nothing SQLite-only left: no '?', no group_concat, no INDEXED.
        let statements = [
            "SELECT d.source_key, count(*), group_concat(DISTINCT d.perms) FROM denials d WHERE d.kind IN (?,?) AND +d.node IN (?) GROUP BY 1 ORDER BY count(*) DESC, 1",
            "SELECT (SELECT max(min(r.last_ms, ?1)) FROM runs r) FROM guests g WHERE g.node IN (?,?)",
        ]
        for sql in statements {
            let out = PostgresDialect.translate(sql)
            #expect(!out.contains("?") && !out.lowercased().contains("group_concat") && !out.contains("+d."), "\(out)")
            #expect(out.filter { $0 == "(" }.count == out.filter { $0 == ")" }.count, "\(out)")
        }
    }
}
