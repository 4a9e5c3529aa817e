-- The fleet store's data tables, reshaped for the writer that ships them (issue 14).
--
-- Each writer (a host's watch, a central log's ingest) stores into a local SQLite spool with the
-- code and schema of the embedded store, then ships each changed row to this store. So every
-- table here is the SQLite table of the same name, plus:
--   spool  the writer's number in spools below;
--   node   where the SQLite table has none: the spool's node ('*' for a central writer's);
-- and every id, and every column that holds one, is the spool's own id plus spool * 2^40. An id
-- therefore names one row in the whole fleet, and the reports' joins by id hold unchanged.
-- Totals kept per store in SQLite (pair_totals, daily_totals, node_activity,
-- parse_error_counts) are kept per spool here: a fleet-wide answer sums the spools' rows.
--
-- Shipping sends a row's whole current state and upserts it, so shipping a batch again (after a
-- SIGKILL between this store's commit and the spool's) changes nothing: exactly once.
--
-- 001's data tables never held a row (no writer existed); they are dropped, and this migration
-- refuses a store where one holds rows rather than lose them.

DO $$
DECLARE
    t text;
    n bigint;
BEGIN
    FOREACH t IN ARRAY ARRAY['sources', 'strings', 'audit_events', 'evidence_blocks', 'denial_runs',
                             'run_parties', 'guests', 'leases', 'guest_resources', 'events',
                             'coverage_marks', 'parse_errors', 'parse_error_counts', 'pair_totals',
                             'daily_totals', 'node_activity', 'alerts', 'alert_deliveries',
                             'alert_windows'] LOOP
        EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM svirt_trace.%I LIMIT 1) AS t', t) INTO n;
        IF n > 0 THEN
            RAISE EXCEPTION 'svirt_trace.% holds rows written by hand: this migration would drop them', t
                USING ERRCODE = '55000';
        END IF;
    END LOOP;
END
$$;

DROP VIEW denials;
DROP TABLE sources, strings, audit_events, evidence_blocks, denial_runs, run_parties, guests, leases,
           guest_resources, events, coverage_marks, parse_errors, parse_error_counts, pair_totals,
           daily_totals, node_activity, alerts, alert_deliveries, alert_windows;
DROP SEQUENCE IF EXISTS sources_id_seq, strings_id_seq, audit_events_id_seq, evidence_blocks_id_seq,
                        denial_runs_id_seq, guests_id_seq, leases_id_seq, guest_resources_id_seq,
                        events_id_seq, coverage_marks_id_seq, parse_errors_id_seq, alerts_id_seq;

-- One row per spool: a writer registers its spool before its first shipment, with the node its
-- rows without a node of their own are given. shipped_seq is the last outbox entry shipped: it
-- is moved in the shipment's own transaction, so the fleet store itself says what it has, and a
-- shipment that finds it moved by another shipper of the same spool is not applied (entries are
-- applied in order, never an older state over a newer one).
CREATE SEQUENCE spools_id_seq MAXVALUE 8388607;
CREATE TABLE spools (
    id          bigint      NOT NULL DEFAULT nextval('spools_id_seq') PRIMARY KEY,
    node        text        NOT NULL,
    host        text        NOT NULL,
    made_by     name        NOT NULL DEFAULT current_user,
    made_at     timestamptz NOT NULL DEFAULT now(),
    shipped_seq bigint      NOT NULL DEFAULT 0,
    shipped_at  timestamptz,
    -- Kept in the spool file too: a spool is refused by a database that is not the one it was
    -- registered with (another database may have a spool of the same number and node).
    token       uuid        NOT NULL DEFAULT gen_random_uuid()
);

-- The spools the current role registered: a writer writes rows of those spools only, so it can
-- neither write in another writer's id range nor make ids that collide with another node's.
-- Read once per statement, like my_nodes().
CREATE FUNCTION my_spools() RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = svirt_trace, pg_temp
AS $$
    SELECT coalesce(array_agg(s.id), '{}') FROM svirt_trace.spools s WHERE s.made_by = current_user
$$;

CREATE TABLE sources (
    spool           bigint NOT NULL,
    node            text   NOT NULL,
    id              bigint NOT NULL,
    first_line_hash text   NOT NULL,
    prefix_hash     text   NOT NULL,
    prefix_length   bigint NOT NULL,
    last_path       text   NOT NULL,
    byte_offset     bigint NOT NULL,
    line            bigint NOT NULL,
    updated_ms      bigint,
    PRIMARY KEY (node, id)
);

-- Keyed by id alone: the denials view looks a text up by id, and two rows of one id (a writer of
-- two nodes storing one under each) would fail every reader's query.
CREATE TABLE strings (
    spool bigint NOT NULL,
    node  text   NOT NULL,
    id    bigint NOT NULL PRIMARY KEY,
    text  text   NOT NULL
);

CREATE TABLE audit_events (
    spool        bigint NOT NULL,
    id           bigint NOT NULL,
    node         text   NOT NULL,
    time_ms      bigint NOT NULL,
    serial       bigint NOT NULL,
    occurrence   bigint NOT NULL,
    source_id    bigint,
    line         bigint,
    run_id       bigint,
    block_id     bigint,
    block_offset bigint,
    block_length bigint,
    PRIMARY KEY (node, time_ms, id),
    -- Two writers feeding one node's events: the second's shipment is refused, not counted twice.
    UNIQUE (node, serial, time_ms, occurrence)
) PARTITION BY RANGE (time_ms);
CREATE INDEX audit_events_by_id ON audit_events (id);
-- The SQLite store's indexes, no more: each one costs every shipped row.
CREATE INDEX audit_events_time ON audit_events (time_ms, run_id);

-- first_ms (not in SQLite): the earliest time of the block's events, which places it in a month.
CREATE TABLE evidence_blocks (
    spool    bigint NOT NULL,
    node     text   NOT NULL,
    id       bigint NOT NULL,
    first_ms bigint NOT NULL,
    events   bigint NOT NULL,
    length   bigint NOT NULL,
    data     bytea  NOT NULL,
    PRIMARY KEY (node, first_ms, id)
) PARTITION BY RANGE (first_ms);
CREATE INDEX evidence_blocks_by_id ON evidence_blocks (id);

CREATE TABLE denial_runs (
    spool        bigint NOT NULL,
    id           bigint NOT NULL,
    node         text   NOT NULL,
    kind         text   NOT NULL,
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
    source_count bigint NOT NULL,
    source_vm    bigint,
    source_uuid  bigint,
    source_key   bigint,
    target_count bigint NOT NULL,
    target_vm    bigint,
    target_uuid  bigint,
    target_key   bigint,
    count        bigint NOT NULL,
    first_ms     bigint NOT NULL,
    last_ms      bigint NOT NULL,
    first_serial bigint NOT NULL,
    last_serial  bigint NOT NULL,
    reason       text,
    PRIMARY KEY (node, first_ms, id)
) PARTITION BY RANGE (first_ms);
CREATE INDEX denial_runs_by_id ON denial_runs (id);
CREATE INDEX denial_runs_by_kind_time ON denial_runs (kind, first_ms);
CREATE INDEX denial_runs_by_pair ON denial_runs (kind, source_key, target_key);

CREATE TABLE run_parties (
    spool    bigint NOT NULL,
    node     text   NOT NULL,
    run_id   bigint NOT NULL,
    side     text   NOT NULL,
    lease_id bigint NOT NULL,
    PRIMARY KEY (node, run_id, side, lease_id)
);
CREATE INDEX run_parties_by_lease ON run_parties (lease_id, side);

CREATE TABLE guests (
    spool bigint NOT NULL,
    id    bigint NOT NULL,
    node  text   NOT NULL,
    uuid  text   NOT NULL,
    name  text   NOT NULL,
    PRIMARY KEY (node, id)
);
CREATE INDEX guests_by_name ON guests (name);
CREATE INDEX guests_by_uuid ON guests (uuid);

CREATE TABLE leases (
    spool             bigint NOT NULL,
    id                bigint NOT NULL,
    guest_id          bigint NOT NULL,
    node              text   NOT NULL,
    name              text   NOT NULL,
    model             text   NOT NULL,
    label             text   NOT NULL,
    image_label       text,
    level             text,
    process_type      text,
    is_static         bigint NOT NULL,
    pid               bigint,
    valid_from_ms     bigint,
    valid_from_serial bigint,
    valid_to_ms       bigint,
    valid_to_serial   bigint,
    started           bigint NOT NULL,
    origin            text   NOT NULL,
    PRIMARY KEY (node, id)
);
CREATE INDEX leases_by_label ON leases (level, node, valid_from_ms);
CREATE INDEX leases_by_guest ON leases (guest_id);

CREATE TABLE guest_resources (
    spool          bigint NOT NULL,
    id             bigint NOT NULL,
    audit_event_id bigint NOT NULL,
    node           text   NOT NULL,
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
CREATE INDEX guest_resources_by_lease ON guest_resources (lease_id);

CREATE TABLE events (
    spool          bigint NOT NULL,
    id             bigint NOT NULL,
    audit_event_id bigint,
    node           text   NOT NULL,
    time_ms        bigint,
    serial         bigint,
    kind           text   NOT NULL,
    vm             text,
    uuid           text,
    label          text,
    detail         text   NOT NULL,
    PRIMARY KEY (node, id)
);
CREATE INDEX events_by_kind_time ON events (kind, time_ms);
CREATE INDEX events_by_node_time ON events (node, time_ms);
CREATE INDEX events_by_uuid ON events (uuid);

CREATE TABLE coverage_marks (
    spool      bigint NOT NULL,
    id         bigint NOT NULL,
    node       text   NOT NULL,
    kind       text   NOT NULL,
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

CREATE TABLE parse_errors (
    spool       bigint NOT NULL,
    node        text   NOT NULL,
    id          bigint NOT NULL,
    source_id   bigint,
    path        text   NOT NULL,
    line        bigint NOT NULL,
    byte_offset bigint,
    reason      text   NOT NULL,
    text        text   NOT NULL,
    stage       text   NOT NULL,
    overflow    bigint NOT NULL,
    PRIMARY KEY (node, id)
);

-- Kept by the spool's triggers (schema/003) and shipped as they stand.
CREATE TABLE parse_error_counts (
    spool      bigint NOT NULL,
    node       text   NOT NULL,
    source_key bigint NOT NULL,
    reason     text   NOT NULL,
    stage      text   NOT NULL,
    kept       bigint NOT NULL,
    counted    bigint NOT NULL,
    PRIMARY KEY (node, spool, source_key, reason, stage)
);

CREATE TABLE pair_totals (
    spool       bigint NOT NULL,
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
    nodes       text   NOT NULL,
    permissive  bigint NOT NULL,
    sample_path text,
    PRIMARY KEY (node, spool, source_key, target_key)
);

CREATE TABLE daily_totals (
    spool   bigint NOT NULL,
    day     bigint NOT NULL,
    node    text   NOT NULL,
    kind    text   NOT NULL,
    count   bigint NOT NULL,
    last_ms bigint NOT NULL,
    PRIMARY KEY (node, spool, day, kind)
);

CREATE TABLE node_activity (
    spool   bigint NOT NULL,
    node    text   NOT NULL,
    events  bigint NOT NULL,
    last_ms bigint NOT NULL,
    PRIMARY KEY (node, spool)
);

CREATE TABLE alerts (
    spool    bigint NOT NULL,
    id       bigint NOT NULL,
    alert_id text   NOT NULL,
    time_ms  bigint NOT NULL,
    severity text   NOT NULL,
    rule     text   NOT NULL,
    kind     text   NOT NULL,
    node     text   NOT NULL,
    json     text   NOT NULL,
    PRIMARY KEY (node, id)
);
CREATE INDEX alerts_by_time ON alerts (time_ms);
CREATE INDEX alerts_by_alert_id ON alerts (alert_id);

CREATE TABLE alert_deliveries (
    spool      bigint NOT NULL,
    node       text   NOT NULL,
    alert      bigint NOT NULL,
    sink       text   NOT NULL,
    state      text   NOT NULL,
    attempts   bigint NOT NULL,
    last_error text,
    owner      text,
    PRIMARY KEY (node, alert, sink)
);

CREATE TABLE alert_windows (
    spool bigint NOT NULL,
    node  text   NOT NULL,
    owner text   NOT NULL,
    key   text   NOT NULL,
    value text   NOT NULL,
    PRIMARY KEY (node, spool, owner, key)
);

CREATE TABLE audit_events_before_2000 PARTITION OF audit_events FOR VALUES FROM (MINVALUE) TO (946684800000);
CREATE TABLE denial_runs_before_2000 PARTITION OF denial_runs FOR VALUES FROM (MINVALUE) TO (946684800000);
CREATE TABLE evidence_blocks_before_2000 PARTITION OF evidence_blocks FOR VALUES FROM (MINVALUE) TO (946684800000);

-- Every id is in its spool's range (spool * 2^40 up): with my_spools() in the policies, a writer
-- cannot store a row, nor point one, at another spool's ids.
DO $$
DECLARE
    pair text[];
BEGIN
    FOREACH pair SLICE 1 IN ARRAY ARRAY[
        ['sources', 'id'], ['strings', 'id'], ['audit_events', 'id'], ['audit_events', 'source_id'],
        ['audit_events', 'run_id'], ['audit_events', 'block_id'], ['evidence_blocks', 'id'], ['denial_runs', 'id'],
        ['denial_runs', 'scontext'], ['denial_runs', 'tcontext'], ['denial_runs', 'stype'], ['denial_runs', 'ttype'],
        ['denial_runs', 'slevel'], ['denial_runs', 'tlevel'], ['denial_runs', 'comm'], ['denial_runs', 'exe'],
        ['denial_runs', 'cwd'], ['denial_runs', 'path'], ['denial_runs', 'proctitle'], ['denial_runs', 'source_vm'],
        ['denial_runs', 'source_uuid'], ['denial_runs', 'source_key'], ['denial_runs', 'target_vm'],
        ['denial_runs', 'target_uuid'], ['denial_runs', 'target_key'], ['run_parties', 'run_id'],
        ['run_parties', 'lease_id'], ['guests', 'id'], ['leases', 'id'], ['leases', 'guest_id'],
        ['guest_resources', 'id'], ['guest_resources', 'audit_event_id'], ['guest_resources', 'lease_id'],
        ['events', 'id'], ['events', 'audit_event_id'], ['coverage_marks', 'id'], ['parse_errors', 'id'],
        ['parse_errors', 'source_id'], ['parse_error_counts', 'source_key'], ['alerts', 'id'],
        ['alert_deliveries', 'alert']] LOOP
        -- 0: none (parse_error_counts.source_key outside any source); rowids start at 1.
        EXECUTE format('ALTER TABLE svirt_trace.%I ADD CONSTRAINT %I CHECK (%I IS NULL OR %I = 0 OR %I >> 40 = spool)',
                       pair[1], pair[1] || '_' || pair[2] || '_in_spool', pair[2], pair[2], pair[2]);
    END LOOP;
END
$$;

-- The denials view of the SQLite store, over the shipped rows (ids are fleet-wide).
CREATE VIEW denials WITH (security_invoker = true) AS
SELECT a.id AS id, a.id AS audit_event_id, a.node AS node, a.time_ms AS time_ms, a.serial AS serial,
       r.id AS run_id, r.first_ms AS run_first_ms,
       r.kind AS kind, r.reason AS reason, r.boolean AS boolean, r.seresult AS seresult,
       (SELECT text FROM strings WHERE id = r.scontext) AS scontext, (SELECT text FROM strings WHERE id = r.tcontext) AS tcontext,
       (SELECT text FROM strings WHERE id = r.stype) AS stype, (SELECT text FROM strings WHERE id = r.ttype) AS ttype,
       (SELECT text FROM strings WHERE id = r.slevel) AS slevel, (SELECT text FROM strings WHERE id = r.tlevel) AS tlevel,
       r.tclass AS tclass, r.perms AS perms, r.permissive AS permissive, r.pid AS pid,
       (SELECT text FROM strings WHERE id = r.comm) AS comm, (SELECT text FROM strings WHERE id = r.exe) AS exe,
       r.syscall AS syscall, r.success AS success, r.exit_code AS exit_code, r.uid AS uid, r.auid AS auid,
       r.auid_name AS auid_name,
       (SELECT text FROM strings WHERE id = r.cwd) AS cwd, (SELECT text FROM strings WHERE id = r.path) AS path,
       (SELECT text FROM strings WHERE id = r.proctitle) AS proctitle,
       r.avc_count AS avc_count,
       r.source_count AS source_count, (SELECT text FROM strings WHERE id = r.source_vm) AS source_vm,
       (SELECT text FROM strings WHERE id = r.source_uuid) AS source_uuid, (SELECT text FROM strings WHERE id = r.source_key) AS source_key,
       r.target_count AS target_count, (SELECT text FROM strings WHERE id = r.target_vm) AS target_vm,
       (SELECT text FROM strings WHERE id = r.target_uuid) AS target_uuid, (SELECT text FROM strings WHERE id = r.target_key) AS target_key
FROM audit_events a
JOIN denial_runs r ON r.id = a.run_id AND a.time_ms >= r.first_ms AND a.time_ms <= r.last_ms;
GRANT SELECT ON denials TO svirt_trace_writer, svirt_trace_reader;

-- Row-level security as in 001: a writer sees, changes and deletes its own nodes' rows only
-- (spools included: it registers spools for its own nodes only, and moves only their shipped_seq); a
-- reader sees all.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['spools', 'sources', 'strings', 'audit_events', 'evidence_blocks', 'denial_runs',
                             'run_parties', 'guests', 'leases', 'guest_resources', 'events',
                             'coverage_marks', 'parse_errors', 'parse_error_counts', 'pair_totals',
                             'daily_totals', 'node_activity', 'alerts', 'alert_deliveries',
                             'alert_windows'] LOOP
        EXECUTE format('ALTER TABLE svirt_trace.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY writer_own_node ON svirt_trace.%I TO svirt_trace_writer '
                       'USING (node = ANY ((SELECT svirt_trace.my_nodes())::text[]) OR ''*'' = ANY ((SELECT svirt_trace.my_nodes())::text[])) '
                       'WITH CHECK ((node = ANY ((SELECT svirt_trace.my_nodes())::text[]) OR ''*'' = ANY ((SELECT svirt_trace.my_nodes())::text[]))%s)',
                       t, CASE WHEN t = 'spools' THEN '' ELSE ' AND spool = ANY ((SELECT svirt_trace.my_spools())::bigint[])' END);
        EXECUTE format('CREATE POLICY reader_every_node ON svirt_trace.%I FOR SELECT TO svirt_trace_reader USING (true)', t);
        EXECUTE format('GRANT SELECT ON svirt_trace.%I TO svirt_trace_reader', t);
        IF t = 'spools' THEN
            -- Its number, maker and token are the database's to give.
            EXECUTE format('GRANT SELECT, INSERT (node, host), UPDATE (shipped_seq, shipped_at) ON svirt_trace.%I TO svirt_trace_writer', t);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON svirt_trace.%I TO svirt_trace_writer', t);
        END IF;
    END LOOP;
END
$$;
-- A spool's rows without a node of their own carry the spool's: '*' is a central writer's,
-- which only a role granted every node may register (the policy above: '*' passes for it alone).
-- A writer deletes too, its own nodes' rows only: the spool's deletions are shipped (an event
-- replaced by a longer copy of its log, a total recomputed). It could rewrite its own nodes'
-- history with UPDATE anyway; never another node's.
GRANT USAGE ON SEQUENCE spools_id_seq TO svirt_trace_writer;
