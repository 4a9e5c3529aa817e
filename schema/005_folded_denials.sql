-- A store built for floods. Until 004 every denial event cost a row of about forty columns with
-- five indexes, a row per AVC record, a row per party and a row per raw record: about sixteen
-- B-tree inserts and 2.3 KB. Now:
--
-- * Repeats fold into runs. A run is one row for every denial event that agrees on everything a
--   report shows (node, kind, both contexts and resolved sides, class, permissions, pid, comm,
--   exe, path, syscall and its result, uid, auid, cwd, proctitle, boolean) within one UTC minute
--   of event time. A run is closed when its minute ends or when it holds 100,000 events, so
--   every event of a run lies within [first_ms, first_ms + 60 s): a time window needs to look
--   only at runs that start at most a minute before it.
-- * Each stored audit event keeps a narrow row in audit_events (its identity, for exactly-once
--   storage and lookup by serial), now with the run it belongs to. Counts over any time window
--   count these rows, so they stay exact.
-- * The raw records (the evidence) are kept in zstd-compressed blocks of about a megabyte; each
--   event knows its block and byte range. Events stored before this migration keep their
--   uncompressed raw_records rows.
-- * Strings that repeat (contexts, paths, exe, comm, cwd, proctitle, guest names, uuids, side
--   keys, types and levels) are stored once in `strings` and referenced by id.
-- * The per-AVC-record rows (avc_records) are gone: their fields are in the evidence.
--
-- The `denials` view keeps the columns of the old table, one row per denial event, so reports
-- read as before; run_id and run_first_ms are new.

CREATE TABLE strings (
    id   INTEGER PRIMARY KEY,
    text TEXT    NOT NULL UNIQUE
);

CREATE TABLE evidence_blocks (
    id     INTEGER PRIMARY KEY,
    events INTEGER NOT NULL,                   -- stored events that point into it: 0 once pruned
    length INTEGER NOT NULL,                   -- bytes once decompressed
    data   BLOB    NOT NULL                    -- one zstd frame: per record 'LINE TYPE RAW' and a newline
);

CREATE TABLE denial_runs (
    id           INTEGER PRIMARY KEY,
    node         TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    boolean      TEXT,
    seresult     TEXT    NOT NULL,
    scontext     INTEGER NOT NULL REFERENCES strings(id),
    tcontext     INTEGER NOT NULL REFERENCES strings(id),
    stype        INTEGER REFERENCES strings(id),
    ttype        INTEGER REFERENCES strings(id),
    slevel       INTEGER REFERENCES strings(id),
    tlevel       INTEGER REFERENCES strings(id),
    tclass       TEXT    NOT NULL,
    perms        TEXT    NOT NULL,
    permissive   INTEGER,
    pid          INTEGER,
    comm         INTEGER REFERENCES strings(id),
    exe          INTEGER REFERENCES strings(id),
    syscall      TEXT,
    success      INTEGER,
    exit_code    INTEGER,
    uid          INTEGER,
    auid         INTEGER,
    auid_name    TEXT,
    cwd          INTEGER REFERENCES strings(id),
    path         INTEGER REFERENCES strings(id),
    proctitle    INTEGER REFERENCES strings(id),
    avc_count    INTEGER NOT NULL,
    source_count INTEGER NOT NULL DEFAULT 0,
    source_vm    INTEGER REFERENCES strings(id),
    source_uuid  INTEGER REFERENCES strings(id),
    source_key   INTEGER REFERENCES strings(id),
    target_count INTEGER NOT NULL DEFAULT 0,
    target_vm    INTEGER REFERENCES strings(id),
    target_uuid  INTEGER REFERENCES strings(id),
    target_key   INTEGER REFERENCES strings(id),
    count        INTEGER NOT NULL,
    first_ms     INTEGER NOT NULL,
    last_ms      INTEGER NOT NULL,
    first_serial INTEGER NOT NULL,
    last_serial  INTEGER NOT NULL
);
CREATE INDEX denial_runs_by_kind_time ON denial_runs(kind, first_ms);
CREATE INDEX denial_runs_by_pair ON denial_runs(kind, source_key, target_key);

-- Which leases were on each side of a run: one row per candidate.
CREATE TABLE run_parties (
    run_id   INTEGER NOT NULL REFERENCES denial_runs(id),
    side     TEXT    NOT NULL,                 -- source | target
    lease_id INTEGER NOT NULL REFERENCES leases(id),
    PRIMARY KEY (run_id, side, lease_id)
) WITHOUT ROWID;
CREATE INDEX run_parties_by_lease ON run_parties(lease_id, side);

ALTER TABLE audit_events ADD COLUMN run_id INTEGER REFERENCES denial_runs(id);
ALTER TABLE audit_events ADD COLUMN block_id INTEGER REFERENCES evidence_blocks(id);
ALTER TABLE audit_events ADD COLUMN block_offset INTEGER;
ALTER TABLE audit_events ADD COLUMN block_length INTEGER;
-- A run's events lie between its first and last time: the time index, which now carries the run,
-- finds them without an index of their own (one B-tree less per event).
DROP INDEX audit_events_time;
CREATE INDEX audit_events_time ON audit_events(time_ms, run_id);

-- Every stored denial becomes a run of one, under the same id.
INSERT OR IGNORE INTO strings(text)
    SELECT scontext FROM denials UNION SELECT tcontext FROM denials UNION SELECT stype FROM denials
    UNION SELECT ttype FROM denials UNION SELECT slevel FROM denials UNION SELECT tlevel FROM denials
    UNION SELECT comm FROM denials UNION SELECT exe FROM denials UNION SELECT cwd FROM denials
    UNION SELECT path FROM denials UNION SELECT proctitle FROM denials UNION SELECT source_vm FROM denials
    UNION SELECT source_uuid FROM denials UNION SELECT source_key FROM denials UNION SELECT target_vm FROM denials
    UNION SELECT target_uuid FROM denials UNION SELECT target_key FROM denials;
DELETE FROM strings WHERE text IS NULL;

INSERT INTO denial_runs(id, node, kind, boolean, seresult, scontext, tcontext, stype, ttype, slevel, tlevel, tclass,
                        perms, permissive, pid, comm, exe, syscall, success, exit_code, uid, auid, auid_name, cwd,
                        path, proctitle, avc_count, source_count, source_vm, source_uuid, source_key, target_count,
                        target_vm, target_uuid, target_key, count, first_ms, last_ms, first_serial, last_serial)
SELECT d.id, d.node, d.kind, d.boolean, d.seresult,
       (SELECT id FROM strings WHERE text = d.scontext), (SELECT id FROM strings WHERE text = d.tcontext),
       (SELECT id FROM strings WHERE text = d.stype), (SELECT id FROM strings WHERE text = d.ttype),
       (SELECT id FROM strings WHERE text = d.slevel), (SELECT id FROM strings WHERE text = d.tlevel),
       d.tclass, d.perms, d.permissive, d.pid,
       (SELECT id FROM strings WHERE text = d.comm), (SELECT id FROM strings WHERE text = d.exe),
       d.syscall, d.success, d.exit_code, d.uid, d.auid, d.auid_name,
       (SELECT id FROM strings WHERE text = d.cwd), (SELECT id FROM strings WHERE text = d.path),
       (SELECT id FROM strings WHERE text = d.proctitle), d.avc_count,
       d.source_count, (SELECT id FROM strings WHERE text = d.source_vm), (SELECT id FROM strings WHERE text = d.source_uuid),
       (SELECT id FROM strings WHERE text = d.source_key),
       d.target_count, (SELECT id FROM strings WHERE text = d.target_vm), (SELECT id FROM strings WHERE text = d.target_uuid),
       (SELECT id FROM strings WHERE text = d.target_key),
       1, d.time_ms, d.time_ms, d.serial, d.serial
FROM denials d;

UPDATE audit_events SET run_id = (SELECT d.id FROM denials d WHERE d.audit_event_id = audit_events.id)
WHERE id IN (SELECT audit_event_id FROM denials);

INSERT INTO run_parties(run_id, side, lease_id) SELECT denial_id, side, lease_id FROM denial_parties;

DROP TABLE avc_records;
DROP TABLE denial_parties;
DROP TABLE denials;

-- Interned texts are looked up by scalar subqueries, which SQLite evaluates only for the columns a
-- query uses (a scan that counts by kind touches no string).
CREATE VIEW denials AS
SELECT a.id AS id, a.id AS audit_event_id, a.node AS node, a.time_ms AS time_ms, a.serial AS serial,
       r.id AS run_id, r.first_ms AS run_first_ms,
       r.kind AS kind, r.boolean AS boolean, r.seresult AS seresult,
       (SELECT text FROM strings WHERE id = r.scontext) AS scontext, (SELECT text FROM strings WHERE id = r.tcontext) AS tcontext,
       (SELECT text FROM strings WHERE id = r.stype) AS stype, (SELECT text FROM strings WHERE id = r.ttype) AS ttype,
       (SELECT text FROM strings WHERE id = r.slevel) AS slevel, (SELECT text FROM strings WHERE id = r.tlevel) AS tlevel,
       r.tclass AS tclass, r.perms AS perms, r.permissive AS permissive, r.pid AS pid,
       (SELECT text FROM strings WHERE id = r.comm) AS comm, (SELECT text FROM strings WHERE id = r.exe) AS exe, r.syscall AS syscall, r.success AS success,
       r.exit_code AS exit_code, r.uid AS uid, r.auid AS auid, r.auid_name AS auid_name,
       (SELECT text FROM strings WHERE id = r.cwd) AS cwd, (SELECT text FROM strings WHERE id = r.path) AS path, (SELECT text FROM strings WHERE id = r.proctitle) AS proctitle,
       r.avc_count AS avc_count,
       r.source_count AS source_count, (SELECT text FROM strings WHERE id = r.source_vm) AS source_vm,
       (SELECT text FROM strings WHERE id = r.source_uuid) AS source_uuid, (SELECT text FROM strings WHERE id = r.source_key) AS source_key,
       r.target_count AS target_count, (SELECT text FROM strings WHERE id = r.target_vm) AS target_vm,
       (SELECT text FROM strings WHERE id = r.target_uuid) AS target_uuid, (SELECT text FROM strings WHERE id = r.target_key) AS target_key
FROM audit_events a
JOIN denial_runs r ON r.id = a.run_id AND a.time_ms >= r.first_ms AND a.time_ms <= r.last_ms;
