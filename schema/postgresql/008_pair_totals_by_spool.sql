-- The fleet-wide pair_totals (003) again, with the same rows, read faster. A pair that only one
-- spool saw (nearly all: a guest attacks its neighbours on its own host) is that spool's row as
-- stored, and only pairs that several spools saw are merged. 003 merged every pair with ordered
-- array_agg, which PostgreSQL 15 cannot hash and sorts group by group: `query cross-guest` took
-- 0.96-0.99 s of its 1 s target on the 5M-denial store of tools/bench-query (122k pairs), and the
-- view alone 0.66 s of that; it now takes 0.33-0.39 s.
-- NOT EXISTS, not NOT IN: the planner turns it into an anti-join that stays linear however many
-- pairs several spools share (NOT IN over a subquery bigger than work_mem is a scan per row).
-- Where many pairs are shared (a node written by a new spool after its old one was lost), the
-- extra passes cost: 2.1-3.9 s against 1.6-2.5 s for 003 with 17-50 % of the pairs shared by 3
-- spools (helper-107). A shared pair's sets are merged only when its spools' sets differ (the
-- call of set_union per group and column was most of that); one spool's set is already sorted.
CREATE OR REPLACE VIEW svirt_trace_read.pair_totals WITH (security_invoker = true) AS
WITH shared AS (
    SELECT source_key, target_key FROM svirt_trace.pair_totals
    GROUP BY source_key, target_key HAVING count(*) > 1
)
SELECT source_key, target_key, source_vm, target_vm, kinds, count, first_ms, last_ms, perms, tclasses, nodes,
       permissive, sample_path
FROM svirt_trace.pair_totals p
WHERE NOT EXISTS (SELECT 1 FROM shared s WHERE s.source_key = p.source_key AND s.target_key = p.target_key)
UNION ALL
-- A guest's name is the first one stored, as in SQLite: that of the spool that saw the pair first
-- (a guest migrated and renamed on the way has two).
SELECT p.source_key, p.target_key,
       (array_agg(source_vm ORDER BY first_ms, spool) FILTER (WHERE source_vm IS NOT NULL))[1],
       (array_agg(target_vm ORDER BY first_ms, spool) FILTER (WHERE target_vm IS NOT NULL))[1],
       CASE WHEN min(kinds) = max(kinds) THEN min(kinds) ELSE svirt_trace_read.set_union(string_agg(kinds, ',')) END,
       sum(count)::bigint, min(first_ms), max(last_ms),
       CASE WHEN min(perms) = max(perms) THEN min(perms) ELSE svirt_trace_read.set_union(string_agg(perms, ',')) END,
       CASE WHEN min(tclasses) = max(tclasses) THEN min(tclasses) ELSE svirt_trace_read.set_union(string_agg(tclasses, ',')) END,
       CASE WHEN min(nodes) = max(nodes) THEN min(nodes) ELSE svirt_trace_read.set_union(string_agg(nodes, ',')) END,
       max(permissive), min(sample_path)
FROM svirt_trace.pair_totals p JOIN shared s ON s.source_key = p.source_key AND s.target_key = p.target_key
GROUP BY p.source_key, p.target_key;
