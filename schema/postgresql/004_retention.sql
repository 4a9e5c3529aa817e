-- Retention of the fleet store (issue 14).
--
-- Each host's writer prunes its own spool (`svirt-trace prune`, `watch --retain`) with the SQLite
-- store's own retention, and ships the deletions and corrected totals like any other change: the
-- fleet store then answers every report exactly as that host's pruned SQLite store would. What
-- is left of an old month is its empty partitions; drop_empty_months drops them.
--
-- A writer may not drop tables, so the function runs with the owner's rights. It drops nothing
-- that holds a row (whoever's), nothing whose month does not end before the cutoff, and never the
-- partition of events before 2000 that the migration made. It tells a writer no more than that a
-- month of partitions was empty. The most a hostile writer can do with it: drop an empty month
-- early (even one made ahead for every node), which ensure_month makes again when a row needs
-- it; and, calling it again and again, make the fleet's other sessions wait up to 2 s a call for
-- the tables' lock, as LOCK TABLE on a table it may update already lets it (README: a writer can
-- slow everyone).
--
-- A month's three partitions go together. The lock is tried once per call, for at most 2 s
-- (dropping a partition locks its parent, and a long report may be reading it): when it cannot
-- be had, every month is left for the next call. The parents stay locked until the caller
-- commits, which it does at once.

-- The month's partitions (YYYY_MM) of the three partitioned tables hold no row. The owner's own:
-- it reads past every policy, and is called by drop_empty_months alone.
CREATE FUNCTION month_is_empty(month text) RETURNS boolean
LANGUAGE plpgsql
SET search_path = svirt_trace, pg_temp
AS $$
DECLARE
    parent text;
    partition text;
    empty boolean;
BEGIN
    FOREACH parent IN ARRAY ARRAY['audit_events', 'denial_runs', 'evidence_blocks'] LOOP
        partition := parent || '_' || month;
        CONTINUE WHEN to_regclass(format('svirt_trace.%I', partition)) IS NULL;
        EXECUTE format('SELECT NOT EXISTS (SELECT 1 FROM svirt_trace.%I)', partition) INTO empty;
        IF NOT empty THEN
            RETURN false;
        END IF;
    END LOOP;
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION month_is_empty(text) FROM PUBLIC;

CREATE FUNCTION drop_empty_months(before_ms bigint) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = svirt_trace, pg_temp
SET lock_timeout = '2s'
AS $$
DECLARE
    candidates text[];
    each_month text;
    parent text;
    dropped integer := 0;
BEGIN
    IF before_ms IS NULL THEN
        RETURN 0;
    END IF;
    -- The months that end before the cutoff and hold no row, looked at without a lock.
    SELECT coalesce(array_agg(x.month ORDER BY x.month), '{}') INTO candidates
    FROM (SELECT DISTINCT substring(c.relname FROM '_(\d{4}_\d{2})$') AS month
          FROM pg_inherits i
          JOIN pg_class c ON c.oid = i.inhrelid
          JOIN pg_class p ON p.oid = i.inhparent
          JOIN pg_namespace n ON n.oid = p.relnamespace
          WHERE n.nspname = 'svirt_trace' AND p.relname IN ('audit_events', 'denial_runs', 'evidence_blocks')
            AND c.relname ~ '_\d{4}_\d{2}$') AS x
    WHERE (extract(epoch FROM (to_date(x.month, 'YYYY_MM') + interval '1 month')::timestamp AT TIME ZONE 'UTC') * 1000)::bigint
          <= before_ms
      AND month_is_empty(x.month);
    IF cardinality(candidates) = 0 THEN
        RETURN 0;
    END IF;
    -- Dropping a partition locks its parent: the parents are locked once, first and in one
    -- order, so that a writer inserting meanwhile waits instead of deadlocking, and everybody
    -- else waits at most once for the lock (2 s), however many months there are. Busy: every
    -- month is left for the next call.
    BEGIN
        LOCK TABLE audit_events, denial_runs, evidence_blocks IN ACCESS EXCLUSIVE MODE;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
        RETURN 0;
    END;
    FOREACH each_month IN ARRAY candidates LOOP
        -- Looked at again under the lock: a row may have come between the look and the lock.
        CONTINUE WHEN NOT month_is_empty(each_month);
        FOREACH parent IN ARRAY ARRAY['audit_events', 'denial_runs', 'evidence_blocks'] LOOP
            EXECUTE format('DROP TABLE IF EXISTS svirt_trace.%I', parent || '_' || each_month);
        END LOOP;
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END
$$;
REVOKE ALL ON FUNCTION drop_empty_months(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION drop_empty_months(bigint) TO svirt_trace_writer;

-- A central writer's spool holds several nodes, and SQLite gives an id again once the rows that
-- held the highest ids are deleted (a prune that empties a table): the new row may be another
-- node's, which the fleet store keys apart. The shipper deletes the old row by its id before the
-- upsert; these tables, which grow with the logs, are found by id alone for it. (The partitioned
-- tables have such an index since 002; the others stay small.)
CREATE INDEX events_by_id ON events (id);
CREATE INDEX alerts_by_id ON alerts (id);
CREATE INDEX guest_resources_by_id ON guest_resources (id);
