-- What query and digest need to read the fleet store with the SQLite store's own statements
-- (issue 14: the same input gives byte-identical answers from both stores).
--
-- 1. Text compares byte by byte, as SQLite's BINARY collation does: every text column is
--    COLLATE "C", whatever the database's locale. Otherwise ORDER BY node, name, path ... and
--    min()/max() of text would follow the locale's rules (en_US sorts "vm-b" before "vm_a"
--    differently from SQLite) and the two stores would list rows in different orders.
-- 2. The schema svirt_trace_read, first on a reader's search_path, holds:
--    - the totals as one fleet-wide row per key: pair_totals, daily_totals and node_activity are
--      kept per spool (002), and a reader wants their sum over the spools;
--    - the SQLite functions the reports call that PostgreSQL lacks: instr, glob, json_extract.

-- A column a policy or a view names cannot change type: the writers' policies and the denials
-- view (002's, unchanged: the view is made again from its own stored definition) are dropped and
-- made again around the change, in this one transaction.
DO $$
DECLARE
    c record;
    t text;
    denials_view text := pg_get_viewdef('svirt_trace.denials'::regclass);
    tables text[] := ARRAY['spools', 'sources', 'strings', 'audit_events', 'evidence_blocks', 'denial_runs',
                           'run_parties', 'guests', 'leases', 'guest_resources', 'events',
                           'coverage_marks', 'parse_errors', 'parse_error_counts', 'pair_totals',
                           'daily_totals', 'node_activity', 'alerts', 'alert_deliveries', 'alert_windows'];
BEGIN
    DROP VIEW svirt_trace.denials;
    FOREACH t IN ARRAY tables LOOP
        EXECUTE format('DROP POLICY writer_own_node ON svirt_trace.%I', t);
    END LOOP;
    FOR c IN SELECT col.table_name, col.column_name
             FROM information_schema.columns col
             JOIN pg_class k ON k.relname = col.table_name
             JOIN pg_namespace n ON n.oid = k.relnamespace AND n.nspname = col.table_schema
             WHERE col.table_schema = 'svirt_trace' AND col.data_type = 'text'
               AND k.relkind IN ('r', 'p') AND NOT k.relispartition
             ORDER BY 1, 2 LOOP
        EXECUTE format('ALTER TABLE svirt_trace.%I ALTER COLUMN %I TYPE text COLLATE "C"', c.table_name, c.column_name);
    END LOOP;
    FOREACH t IN ARRAY tables LOOP
        EXECUTE format('CREATE POLICY writer_own_node ON svirt_trace.%I TO svirt_trace_writer '
                       'USING (node = ANY ((SELECT svirt_trace.my_nodes())::text[]) OR ''*'' = ANY ((SELECT svirt_trace.my_nodes())::text[])) '
                       'WITH CHECK ((node = ANY ((SELECT svirt_trace.my_nodes())::text[]) OR ''*'' = ANY ((SELECT svirt_trace.my_nodes())::text[]))%s)',
                       t, CASE WHEN t = 'spools' THEN '' ELSE ' AND spool = ANY ((SELECT svirt_trace.my_spools())::bigint[])' END);
    END LOOP;
    EXECUTE 'CREATE VIEW svirt_trace.denials WITH (security_invoker = true) AS ' || denials_view;
    GRANT SELECT ON svirt_trace.denials TO svirt_trace_writer, svirt_trace_reader;
END
$$;


-- A guest's name is found by equality only, and may be longer than a B-tree entry can hold (2,704
-- bytes): one such name (libvirt takes any name it is given) made every later batch of its spool
-- refused. A hash index holds a name of any length.
DROP INDEX guests_by_name;
CREATE INDEX guests_by_name ON guests USING hash (name);

-- A run's events, found by its id: the reports join denial_runs to audit_events by run. SQLite
-- walks its (time_ms, run_id) index over the run's minute; PostgreSQL's planner cannot cost that
-- range (its ends come from the run) and read all of audit_events instead (4 s for one guest of
-- a 5M-denial store, 0.2 s with this index).
-- It holds the denials view's other columns of audit_events, so the planner reads the index alone.
CREATE INDEX audit_events_by_run ON audit_events (run_id, time_ms) INCLUDE (node, serial, id);

CREATE SCHEMA svirt_trace_read;
GRANT USAGE ON SCHEMA svirt_trace_read TO svirt_trace_writer, svirt_trace_reader;

-- A sorted set as the SQLite store keeps one (items sorted byte-wise, joined by commas), from
-- several such sets joined by commas: their union.
CREATE FUNCTION svirt_trace_read.set_union(sets text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT coalesce(string_agg(DISTINCT item COLLATE "C", ',' ORDER BY item COLLATE "C"), '')
    FROM unnest(string_to_array(sets, ',')) AS item
$$;

-- One row per pair over every spool. A pair only one spool saw (nearly all of them) is its row
-- as that spool stored it. A guest's name is the first one stored, as in SQLite: that of the
-- spool that saw the pair first (a guest migrated and renamed on the way has two).
CREATE VIEW svirt_trace_read.pair_totals WITH (security_invoker = true) AS
SELECT source_key, target_key,
       (array_agg(source_vm ORDER BY first_ms, spool) FILTER (WHERE source_vm IS NOT NULL))[1] AS source_vm,
       (array_agg(target_vm ORDER BY first_ms, spool) FILTER (WHERE target_vm IS NOT NULL))[1] AS target_vm,
       CASE WHEN count(*) = 1 THEN max(kinds) ELSE svirt_trace_read.set_union(string_agg(kinds, ',')) END AS kinds,
       sum(count)::bigint AS count, min(first_ms) AS first_ms, max(last_ms) AS last_ms,
       CASE WHEN count(*) = 1 THEN max(perms) ELSE svirt_trace_read.set_union(string_agg(perms, ',')) END AS perms,
       CASE WHEN count(*) = 1 THEN max(tclasses) ELSE svirt_trace_read.set_union(string_agg(tclasses, ',')) END AS tclasses,
       CASE WHEN count(*) = 1 THEN max(nodes) ELSE svirt_trace_read.set_union(string_agg(nodes, ',')) END AS nodes,
       max(permissive) AS permissive, min(sample_path) AS sample_path
FROM svirt_trace.pair_totals
GROUP BY source_key, target_key;

CREATE VIEW svirt_trace_read.daily_totals WITH (security_invoker = true) AS
SELECT day, node, kind, sum(count)::bigint AS count, max(last_ms) AS last_ms
FROM svirt_trace.daily_totals
GROUP BY day, node, kind;

CREATE VIEW svirt_trace_read.node_activity WITH (security_invoker = true) AS
SELECT node, sum(events)::bigint AS events, max(last_ms) AS last_ms
FROM svirt_trace.node_activity
GROUP BY node;

GRANT SELECT ON svirt_trace_read.pair_totals, svirt_trace_read.daily_totals, svirt_trace_read.node_activity
    TO svirt_trace_writer, svirt_trace_reader;

-- SQLite's instr(haystack, needle): the 1-based position of needle, 0 when absent.
CREATE FUNCTION svirt_trace_read.instr(haystack text, needle text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT strpos(haystack, needle) $$;

-- SQLite's glob(pattern, value): `*` any text, `?` one character, `[...]` and `[^...]` a class;
-- case-sensitive, and anchored at both ends. Done as a regular expression, every character quoted.
-- A class is read as SQLite reads it: a `]` first is a member (and starts no range: `[]-a]` is
-- ']', '-' and 'a'); `a-z` is a range from the member
-- before (none after a range: `[a-c-e]` is a-c, '-' and 'e'), a range whose ends are reversed
-- holds nothing, and `-` first or last is a member; a class never closed matches nothing.
-- One character as a regular expression matches it: ASCII punctuation is quoted; letters, digits
-- and other characters stand for themselves (a backslash before a letter would make an escape).
CREATE FUNCTION svirt_trace_read.glob_quote(ch text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN ascii(ch) >= 128 OR ch ~ '[A-Za-z0-9]' THEN ch ELSE '\' || ch END $$;

CREATE FUNCTION svirt_trace_read.glob_regex(pattern text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
    out text := '^';
    i integer := 1;
    n integer := length(pattern);
    c text;
    member text;
    members text;
    prior text;
    invert boolean;
BEGIN
    WHILE i <= n LOOP
        c := substr(pattern, i, 1);
        IF c = '*' THEN
            out := out || '.*';
        ELSIF c = '?' THEN
            out := out || '.';
        ELSIF c = '[' THEN
            i := i + 1;
            invert := substr(pattern, i, 1) = '^';
            IF invert THEN i := i + 1; END IF;
            members := '';
            prior := NULL;
            IF substr(pattern, i, 1) = ']' THEN
                -- A member, but no start of a range (SQLite's reading).
                members := '\]';
                i := i + 1;
            END IF;
            LOOP
                IF i > n THEN
                    RETURN '[^\s\S]';
                END IF;
                member := substr(pattern, i, 1);
                EXIT WHEN member = ']';
                IF member = '-' AND prior IS NOT NULL AND i < n AND substr(pattern, i + 1, 1) <> ']' THEN
                    member := substr(pattern, i + 1, 1);
                    -- The range from the member before: that member is in the class already.
                    IF ascii(prior) <= ascii(member) THEN
                        members := members || svirt_trace_read.glob_quote(prior) || '-' || svirt_trace_read.glob_quote(member);
                    END IF;
                    prior := NULL;
                    i := i + 2;
                ELSE
                    members := members || svirt_trace_read.glob_quote(member);
                    prior := member;
                    i := i + 1;
                END IF;
            END LOOP;
            IF members = '' THEN
                out := out || CASE WHEN invert THEN '[\s\S]' ELSE '[^\s\S]' END;
            ELSE
                out := out || '[' || CASE WHEN invert THEN '^' ELSE '' END || members || ']';
            END IF;
        ELSE
            out := out || svirt_trace_read.glob_quote(c);
        END IF;
        i := i + 1;
    END LOOP;
    RETURN out || '$';
END
$$;

CREATE FUNCTION svirt_trace_read.glob(pattern text, value text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT value ~ svirt_trace_read.glob_regex(pattern) $$;

-- SQLite's json_extract(json, '$.key.key...') for the object paths the reports use: the value as
-- text, NULL when absent.
CREATE FUNCTION svirt_trace_read.json_extract(document text, path text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (document::jsonb) #>> string_to_array(substr(path, 3), '.') $$;

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA svirt_trace_read TO svirt_trace_writer, svirt_trace_reader;
