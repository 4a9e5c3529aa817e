-- Coverage: whether lease data is complete, so that "no known lease covers this label" means "no
-- guest held it" rather than "we cannot know" (README, "Coverage").
--
-- coverage_marks holds the points that decide it, per node: a SYSTEM_BOOT record, a status-XML
-- snapshot (time NULL: given to ingest before any event of the node, it stands before them all),
-- and the stop of a guest whose label was never seen (gap_* say where the interval of incomplete
-- data it ends begins; gap_kind NULL: no anchor before it). `query coverage` derives the
-- intervals from them; the correlator reloads them when another writer committed.
CREATE TABLE coverage_marks (
    id          INTEGER PRIMARY KEY,
    node        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,              -- system-boot | status-xml | unseen-stop | unseen-start
    time_ms     INTEGER,
    serial      INTEGER,
    vm          TEXT,
    uuid        TEXT,
    gap_kind    TEXT,                          -- unseen-stop, unseen-start: node-start | at | NULL (no anchor before it)
    gap_ms      INTEGER,
    gap_serial  INTEGER
);
CREATE INDEX coverage_marks_by_node ON coverage_marks(node, time_ms);

-- A store written before this migration with --libvirt-state: its status-XML leases show a
-- snapshot was read, which stood before the node's events (leases from before the log began).
-- Denials stored before the migration keep the kind they were given.
INSERT INTO coverage_marks(node, kind)
SELECT DISTINCT node, 'status-xml' FROM leases WHERE origin = 'status-xml' AND valid_from_ms IS NULL;

-- Why an unattributed denial could not be attributed; NULL for every other kind. Part of what a
-- run shares.
ALTER TABLE denial_runs ADD COLUMN reason TEXT;

DROP VIEW denials;
CREATE VIEW denials AS
SELECT a.id AS id, a.id AS audit_event_id, a.node AS node, a.time_ms AS time_ms, a.serial AS serial,
       r.id AS run_id, r.first_ms AS run_first_ms,
       r.kind AS kind, r.reason AS reason, r.boolean AS boolean, r.seresult AS seresult,
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
