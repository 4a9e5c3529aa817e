-- The fleet store on PostgreSQL (issue 14): the folded design of the SQLite store (schema/005 to
-- 007), with the node first in every key so that
--   * row-level security can give each hypervisor's writer role its own node's rows only;
--   * the design stays compatible with Citus: every table is distributed by node, and every
--     unique key holds it;
--   * the large tables are partitioned by month of event time, so retention drops partitions.
-- Everything lives in the schema svirt_trace; the migrator runs this file with
-- search_path = svirt_trace, in one transaction, as a role that owns the schema (and may create
-- roles, for the two group roles below, unless they exist already).
-- Times are milliseconds since the epoch (bigint), as in SQLite, so that both stores give the
-- same answers byte for byte.

-- Group roles. A host's login role is made a member of svirt_trace_writer and named in
-- writer_nodes with its node; a reporting login role is made a member of svirt_trace_reader.
-- Roles belong to the cluster: a second database in it finds them made already, and two
-- databases migrated at once may race to make them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'svirt_trace_writer') THEN
        BEGIN
            CREATE ROLE svirt_trace_writer NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'svirt_trace_reader') THEN
        BEGIN
            CREATE ROLE svirt_trace_reader NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA svirt_trace TO svirt_trace_writer, svirt_trace_reader;

-- Which login role writes which node's rows. node '*' is every node: the role of a central
-- log's ingest (audisp-remote), which is trusted with every host's history.
CREATE TABLE writer_nodes (
    role name NOT NULL,
    node text NOT NULL CHECK (node <> ''),
    PRIMARY KEY (role, node)
);
ALTER TABLE writer_nodes ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_grants ON writer_nodes FOR SELECT TO svirt_trace_writer USING (role = current_user);
CREATE POLICY all_grants ON writer_nodes FOR SELECT TO svirt_trace_reader USING (true);
GRANT SELECT ON writer_nodes TO svirt_trace_writer, svirt_trace_reader;

-- The nodes the current role writes ('*' among them: every node). Not SECURITY DEFINER:
-- current_user must be the writer, and writer_nodes' own policy shows it its own grants only.
-- The policies call it inside a scalar subquery, which the planner runs once per statement
-- (an InitPlan) instead of once per row: a COPY of 100,000 rows checks them against one array.
CREATE FUNCTION my_nodes() RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = svirt_trace, pg_temp
AS $$
    SELECT coalesce(array_agg(w.node), '{}') FROM svirt_trace.writer_nodes w WHERE w.role = current_user
$$;

-- A watch's or ingest's log files and how far each was read. node is the writer's own node
-- ('' for a central log's ingest, whose role must hold '*').
CREATE SEQUENCE sources_id_seq;
CREATE TABLE sources (
    node            text   NOT NULL,
    id              bigint NOT NULL DEFAULT nextval('sources_id_seq'),
    first_line_hash text   NOT NULL,
    prefix_hash     text   NOT NULL,
    prefix_length   bigint NOT NULL,
    last_path       text   NOT NULL,
    byte_offset     bigint NOT NULL DEFAULT 0,
    line            bigint NOT NULL DEFAULT 0,
    updated_ms      bigint,
    PRIMARY KEY (node, id)
);
CREATE INDEX sources_first_line ON sources (node, first_line_hash);

-- Interned texts (contexts, paths, exe, comm), per node: a writer never reads or changes
-- another node's.
CREATE SEQUENCE strings_id_seq;
CREATE TABLE strings (
    node text   NOT NULL,
    id   bigint NOT NULL DEFAULT nextval('strings_id_seq'),
    text text   NOT NULL,
    PRIMARY KEY (node, id),
    UNIQUE (node, text)
);

-- Every stored audit event, partitioned by month of its time. Ids come from sequences shared
-- by every writer, so an id names one row in the whole fleet, as it does in one SQLite file.
CREATE SEQUENCE audit_events_id_seq;
CREATE TABLE audit_events (
    node         text   NOT NULL,
    id           bigint NOT NULL DEFAULT nextval('audit_events_id_seq'),
    time_ms      bigint NOT NULL,
    serial       bigint NOT NULL,
    occurrence   bigint NOT NULL DEFAULT 0,
    source_id    bigint,
    line         bigint,
    run_id       bigint,
    block_id     bigint,
    block_offset bigint,
    block_length bigint,
    PRIMARY KEY (node, time_ms, id),
    UNIQUE (node, serial, time_ms, occurrence)
) PARTITION BY RANGE (time_ms);
CREATE INDEX audit_events_by_id ON audit_events (id);
CREATE INDEX audit_events_time ON audit_events (time_ms, run_id);
CREATE INDEX audit_events_by_run ON audit_events (node, run_id);

-- Raw records of stored events, zstd-compressed in blocks (one per commit and source);
-- first_ms, the earliest event time in the block, places it in its month.
CREATE SEQUENCE evidence_blocks_id_seq;
CREATE TABLE evidence_blocks (
    node     text   NOT NULL,
    id       bigint NOT NULL DEFAULT nextval('evidence_blocks_id_seq'),
    first_ms bigint NOT NULL,
    events   bigint NOT NULL,
    length   bigint NOT NULL,
    data     bytea  NOT NULL,
    PRIMARY KEY (node, first_ms, id)
) PARTITION BY RANGE (first_ms);
CREATE INDEX evidence_blocks_by_id ON evidence_blocks (id);

-- A run of repeated denials folded into one row (see schema/005_folded_denials.sql for the
-- rule that closes a run); text columns that repeat are ids in strings of the same node.
CREATE SEQUENCE denial_runs_id_seq;
CREATE TABLE denial_runs (
    node         text   NOT NULL,
    id           bigint NOT NULL DEFAULT nextval('denial_runs_id_seq'),
    kind         text   NOT NULL,
    reason       text,
    boolean      text,
    seresult     text   NOT NULL,
    scontext     bigint NOT NULL,
    tcontext     bigint NOT NULL,
    stype        bigint,
    ttype        bigint,
    slevel       bigint,
    tlevel       bigint,
    tclass       text   NOT NULL,
    perms        text   NOT NULL,
    permissive   bigint,
    pid          bigint,
    comm         bigint,
    exe          bigint,
    syscall      text,
    success      bigint,
    exit_code    bigint,
    uid          bigint,
    auid         bigint,
    auid_name    text,
    cwd          bigint,
    path         bigint,
    proctitle    bigint,
    avc_count    bigint NOT NULL,
    source_count bigint NOT NULL DEFAULT 0,
    source_vm    bigint,
    source_uuid  bigint,
    source_key   bigint,
    target_count bigint NOT NULL DEFAULT 0,
    target_vm    bigint,
    target_uuid  bigint,
    target_key   bigint,
    count        bigint NOT NULL,
    first_ms     bigint NOT NULL,
    last_ms      bigint NOT NULL,
    first_serial bigint NOT NULL,
    last_serial  bigint NOT NULL,
    PRIMARY KEY (node, first_ms, id)
) PARTITION BY RANGE (first_ms);
CREATE INDEX denial_runs_by_id ON denial_runs (id);
CREATE INDEX denial_runs_by_kind_time ON denial_runs (kind, first_ms);
CREATE INDEX denial_runs_by_pair ON denial_runs (kind, source_key, target_key);

-- One row per stored denial, its run's facts with the interned texts spelt out, as the SQLite
-- store's view of the same name. security_invoker: the view reads with the querying role's
-- rights, so row-level security applies through it (a view otherwise reads as its owner).
CREATE VIEW denials WITH (security_invoker = true) AS
SELECT a.id AS id, a.id AS audit_event_id, a.node AS node, a.time_ms AS time_ms, a.serial AS serial,
       r.id AS run_id, r.first_ms AS run_first_ms,
       r.kind AS kind, r.reason AS reason, r.boolean AS boolean, r.seresult AS seresult,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.scontext) AS scontext,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.tcontext) AS tcontext,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.stype) AS stype,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.ttype) AS ttype,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.slevel) AS slevel,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.tlevel) AS tlevel,
       r.tclass AS tclass, r.perms AS perms, r.permissive AS permissive, r.pid AS pid,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.comm) AS comm,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.exe) AS exe,
       r.syscall AS syscall, r.success AS success, r.exit_code AS exit_code, r.uid AS uid, r.auid AS auid,
       r.auid_name AS auid_name,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.cwd) AS cwd,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.path) AS path,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.proctitle) AS proctitle,
       r.avc_count AS avc_count,
       r.source_count AS source_count,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.source_vm) AS source_vm,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.source_uuid) AS source_uuid,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.source_key) AS source_key,
       r.target_count AS target_count,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.target_vm) AS target_vm,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.target_uuid) AS target_uuid,
       (SELECT text FROM strings s WHERE s.node = r.node AND s.id = r.target_key) AS target_key
FROM audit_events a
JOIN denial_runs r ON r.node = a.node AND r.id = a.run_id AND a.time_ms >= r.first_ms AND a.time_ms <= r.last_ms;
GRANT SELECT ON denials TO svirt_trace_writer, svirt_trace_reader;

CREATE TABLE run_parties (
    node     text   NOT NULL,
    run_id   bigint NOT NULL,
    side     text   NOT NULL CHECK (side IN ('source', 'target')),
    lease_id bigint NOT NULL,
    PRIMARY KEY (node, run_id, side, lease_id)
);
CREATE INDEX run_parties_by_lease ON run_parties (node, lease_id, side);

CREATE SEQUENCE guests_id_seq;
CREATE TABLE guests (
    node text   NOT NULL,
    id   bigint NOT NULL DEFAULT nextval('guests_id_seq'),
    uuid text   NOT NULL,
    name text   NOT NULL,
    PRIMARY KEY (node, id),
    UNIQUE (node, uuid)
);
CREATE INDEX guests_by_name ON guests (name);
CREATE INDEX guests_by_uuid ON guests (uuid);

CREATE SEQUENCE leases_id_seq;
CREATE TABLE leases (
    node              text   NOT NULL,
    id                bigint NOT NULL DEFAULT nextval('leases_id_seq'),
    guest_id          bigint NOT NULL,
    name              text   NOT NULL,
    model             text   NOT NULL,      -- selinux | dac
    label             text   NOT NULL,      -- vm-ctx as logged
    image_label       text,
    level             text,                 -- canonical MCS level, selinux only
    process_type      text,
    is_static         bigint NOT NULL DEFAULT 0,
    pid               bigint,
    valid_from_ms     bigint,               -- NULL: running before the log began
    valid_from_serial bigint,
    valid_to_ms       bigint,               -- NULL: still running
    valid_to_serial   bigint,
    started           bigint NOT NULL DEFAULT 0,
    origin            text   NOT NULL,      -- audit | status-xml
    PRIMARY KEY (node, id)
);
CREATE INDEX leases_by_label ON leases (level, node, valid_from_ms);
CREATE INDEX leases_by_guest ON leases (node, guest_id);

CREATE SEQUENCE guest_resources_id_seq;
CREATE TABLE guest_resources (
    node           text   NOT NULL,
    id             bigint NOT NULL DEFAULT nextval('guest_resources_id_seq'),
    audit_event_id bigint NOT NULL,
    time_ms        bigint NOT NULL,
    uuid           text,
    vm             text,
    lease_id       bigint,
    resource       text   NOT NULL,
    reason         text,
    old_value      text,
    new_value      text,
    success        bigint NOT NULL,
    PRIMARY KEY (node, id)
);
CREATE INDEX guest_resources_by_uuid ON guest_resources (node, uuid);
CREATE INDEX guest_resources_by_lease ON guest_resources (node, lease_id);

-- Guest lifecycle and policy events (not partitioned: a status-XML bootstrap row has no time).
CREATE SEQUENCE events_id_seq;
CREATE TABLE events (
    node           text   NOT NULL,
    id             bigint NOT NULL DEFAULT nextval('events_id_seq'),
    audit_event_id bigint,
    time_ms        bigint,                 -- NULL: bootstrap from status XML
    serial         bigint,
    kind           text   NOT NULL,
    vm             text,
    uuid           text,
    label          text,
    detail         text   NOT NULL,        -- JSON object, as written by the SQLite store
    PRIMARY KEY (node, id)
);
CREATE INDEX events_by_kind_time ON events (kind, time_ms);
CREATE INDEX events_by_node_time ON events (node, time_ms);
CREATE INDEX events_by_uuid ON events (uuid);

CREATE SEQUENCE coverage_marks_id_seq;
CREATE TABLE coverage_marks (
    node       text   NOT NULL,
    id         bigint NOT NULL DEFAULT nextval('coverage_marks_id_seq'),
    kind       text   NOT NULL,             -- system-boot | status-xml | unseen-stop | unseen-start
    time_ms    bigint,
    serial     bigint,
    vm         text,
    uuid       text,
    gap_kind   text,
    gap_ms     bigint,
    gap_serial bigint,
    PRIMARY KEY (node, id)
);
CREATE INDEX coverage_marks_by_node ON coverage_marks (node, time_ms);

-- Lines and fields that could not be read, per writer node (as sources).
CREATE SEQUENCE parse_errors_id_seq;
CREATE TABLE parse_errors (
    node        text   NOT NULL,
    id          bigint NOT NULL DEFAULT nextval('parse_errors_id_seq'),
    source_id   bigint,
    path        text   NOT NULL,
    line        bigint NOT NULL,
    byte_offset bigint,
    reason      text   NOT NULL,
    text        text   NOT NULL,
    stage       text   NOT NULL,            -- reader | decoder
    overflow    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (node, id),
    UNIQUE (node, source_id, line, reason)
);
CREATE TABLE parse_error_counts (
    node       text   NOT NULL,
    source_key bigint NOT NULL,             -- sources.id, 0 for problems outside any source
    reason     text   NOT NULL,
    stage      text   NOT NULL,
    kept       bigint NOT NULL DEFAULT 0,
    counted    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (node, source_key, reason, stage)
);

-- Running totals, per node: a fleet-wide answer sums the nodes' rows.
CREATE TABLE pair_totals (
    node        text   NOT NULL,
    source_key  text   NOT NULL,
    target_key  text   NOT NULL,
    source_vm   text,
    target_vm   text,
    kinds       text   NOT NULL,
    count       bigint NOT NULL,
    first_ms    bigint NOT NULL,
    last_ms     bigint NOT NULL,
    perms       text   NOT NULL,
    tclasses    text   NOT NULL,
    permissive  bigint NOT NULL,
    sample_path text,
    PRIMARY KEY (node, source_key, target_key)
);
CREATE TABLE daily_totals (
    node    text   NOT NULL,
    day     bigint NOT NULL,                -- days since 1970-01-01
    kind    text   NOT NULL,
    count   bigint NOT NULL,
    last_ms bigint NOT NULL,
    PRIMARY KEY (node, day, kind)
);
CREATE TABLE node_activity (
    node    text   NOT NULL PRIMARY KEY,
    events  bigint NOT NULL,
    last_ms bigint NOT NULL
);

-- Alerts are rows of the node of the event that raised them; deliveries and rate-limit windows
-- belong to the watch that owns them (its node).
CREATE SEQUENCE alerts_id_seq;
CREATE TABLE alerts (
    node     text   NOT NULL,
    id       bigint NOT NULL DEFAULT nextval('alerts_id_seq'),
    alert_id text   NOT NULL,
    time_ms  bigint NOT NULL,
    severity text   NOT NULL,
    rule     text   NOT NULL,
    kind     text   NOT NULL,
    json     text   NOT NULL,
    PRIMARY KEY (node, id),
    UNIQUE (node, alert_id)
);
CREATE INDEX alerts_by_time ON alerts (time_ms);
CREATE TABLE alert_deliveries (
    node       text   NOT NULL,             -- the owning watch's node
    alert      bigint NOT NULL,
    sink       text   NOT NULL,
    state      text   NOT NULL,             -- pending | delivered | failed
    attempts   bigint NOT NULL DEFAULT 0,
    last_error text,
    PRIMARY KEY (node, alert, sink)
);
CREATE INDEX alert_deliveries_by_state ON alert_deliveries (node, state, sink);
CREATE TABLE alert_windows (
    node  text NOT NULL,                    -- the owning watch's node
    key   text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (node, key)
);

-- Monthly partitions, made on demand. Writers may not create tables; they call this function,
-- which runs as the schema's owner (make the schema as a role that is not a superuser: this
-- function runs with its rights), outside their batch transaction. It makes the month of the
-- time given and the month after it, so that a month's partitions exist before its first event.
-- Two writers making the same month at once: one waits for the other's catalog entry, then finds
-- it made. It waits at most 2 s for the lock on the parent table (a long transaction reading it,
-- or a hostile writer holding it): it then fails and the writer tries again, instead of making
-- every other session queue behind it. Events before 2000 (a host whose clock started at 1970)
-- share one partition made here; a time more than 31 days past the server's clock is refused,
-- so that a hostile log cannot make a partition for every month to 9999.
CREATE TABLE audit_events_before_2000 PARTITION OF audit_events FOR VALUES FROM (MINVALUE) TO (946684800000);
CREATE TABLE denial_runs_before_2000 PARTITION OF denial_runs FOR VALUES FROM (MINVALUE) TO (946684800000);
CREATE TABLE evidence_blocks_before_2000 PARTITION OF evidence_blocks FOR VALUES FROM (MINVALUE) TO (946684800000);

CREATE FUNCTION ensure_month(at_ms bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = svirt_trace, pg_temp
SET lock_timeout = '2s'
AS $$
DECLARE
    month_start timestamp;
    from_ms bigint;
    to_ms bigint;
    parent text;
    partition text;
    latest_ms bigint := (extract(epoch FROM now() + interval '31 days') * 1000)::bigint;
BEGIN
    IF at_ms IS NULL THEN
        RAISE EXCEPTION 'an event without a time has no month' USING ERRCODE = '22004';
    END IF;
    IF at_ms < 946684800000 THEN
        RETURN;
    END IF;
    IF at_ms > latest_ms THEN
        RAISE EXCEPTION 'event time % ms is more than 31 days after the server''s clock', at_ms USING ERRCODE = '22008';
    END IF;
    month_start := date_trunc('month', to_timestamp(at_ms / 1000.0) AT TIME ZONE 'UTC');
    FOR step IN 0..1 LOOP
        from_ms := (extract(epoch FROM (month_start + step * interval '1 month') AT TIME ZONE 'UTC') * 1000)::bigint;
        to_ms := (extract(epoch FROM (month_start + (step + 1) * interval '1 month') AT TIME ZONE 'UTC') * 1000)::bigint;
        EXIT WHEN step = 1 AND from_ms > latest_ms;
        FOREACH parent IN ARRAY ARRAY['audit_events', 'denial_runs', 'evidence_blocks'] LOOP
            partition := parent || '_' || to_char(month_start + step * interval '1 month', 'YYYY_MM');
            IF to_regclass(format('svirt_trace.%I', partition)) IS NULL THEN
                BEGIN
                    EXECUTE format('CREATE TABLE svirt_trace.%I PARTITION OF svirt_trace.%I FOR VALUES FROM (%s) TO (%s)',
                                   partition, parent, from_ms, to_ms);
                EXCEPTION WHEN duplicate_table OR unique_violation THEN
                    NULL;  -- made by another writer meanwhile
                END;
            END IF;
        END LOOP;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION ensure_month(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ensure_month(bigint) TO svirt_trace_writer;

-- Row-level security: a writer sees and changes its own nodes' rows only; a reader sees all.
-- Partitions get no grants: every access goes through the parent and its policies.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['sources', 'strings', 'audit_events', 'evidence_blocks', 'denial_runs',
                             'run_parties', 'guests', 'leases', 'guest_resources', 'events',
                             'coverage_marks', 'parse_errors', 'parse_error_counts', 'pair_totals',
                             'daily_totals', 'node_activity', 'alerts', 'alert_deliveries',
                             'alert_windows'] LOOP
        EXECUTE format('ALTER TABLE svirt_trace.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY writer_own_node ON svirt_trace.%I TO svirt_trace_writer '
                       'USING (node = ANY ((SELECT svirt_trace.my_nodes())::text[]) OR ''*'' = ANY ((SELECT svirt_trace.my_nodes())::text[])) '
                       'WITH CHECK (node = ANY ((SELECT svirt_trace.my_nodes())::text[]) OR ''*'' = ANY ((SELECT svirt_trace.my_nodes())::text[]))', t);
        EXECUTE format('CREATE POLICY reader_every_node ON svirt_trace.%I FOR SELECT TO svirt_trace_reader USING (true)', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON svirt_trace.%I TO svirt_trace_writer', t);
        EXECUTE format('GRANT SELECT ON svirt_trace.%I TO svirt_trace_reader', t);
    END LOOP;
END
$$;
-- Deleting is the retention job's (the schema's owner), except for the writer's own scratch
-- state: rate-limit windows it closes and parse errors folded into counts.
GRANT DELETE ON alert_windows, parse_errors TO svirt_trace_writer;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA svirt_trace TO svirt_trace_writer;
