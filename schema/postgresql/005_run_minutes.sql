-- The parties of a run carry the run's UTC minute, as in the SQLite store (schema/008). A run's
-- id does not say which monthly partition of denial_runs holds it, nor which partition of
-- audit_events holds its events, so a report going from a guest's leases to the guest's runs
-- looked for each run in every partition. With the minute, PostgreSQL prunes to the run's month
-- while it executes (a parameterized scan of the partitioned table).
--
-- A spool migrated to 008 ships its parties again with the minute; the rows already here get it
-- from their runs now. A party whose run is not here (yet) keeps NULL, which no report reaches.
-- Runs are matched by id alone: ids are fleet-wide, and a central writer's parties carry its
-- node '*' where their runs carry the node logged.
ALTER TABLE run_parties ADD COLUMN run_minute_ms bigint;
UPDATE run_parties p
SET run_minute_ms = r.first_ms - ((r.first_ms % 60000) + 60000) % 60000
FROM denial_runs r
WHERE r.id = p.run_id;

-- Reports go from a guest's leases to its runs through this index: it holds the run and its
-- minute too, so that PostgreSQL reads the index alone (the parties of one guest lie scattered
-- over the table: 5,580 pages for the most attacked guest of tools/bench-query).
DROP INDEX run_parties_by_lease;
CREATE INDEX run_parties_by_lease ON run_parties (lease_id, side) INCLUDE (run_id, run_minute_ms);

-- The denials view again, its run found in its month: the run's events lie in its minute, so
-- its first_ms is less than a minute before any of them. Without that bound PostgreSQL looked
-- for an event's run in every monthly partition of denial_runs. (003 made the text columns
-- COLLATE "C"; the view reads them as they are.)
DROP VIEW denials;
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
JOIN denial_runs r ON r.id = a.run_id AND a.time_ms >= r.first_ms AND a.time_ms <= r.last_ms
    AND r.first_ms > a.time_ms - 60000;
GRANT SELECT ON denials TO svirt_trace_writer, svirt_trace_reader;

-- An older writer that was already running when this migration ran (a host's watch not yet
-- upgraded) ships parties without the minute: their run, shipped in the same batch or before,
-- gives it. The trigger runs with the writer's rights, which read that writer's own runs. The
-- reports read a party without a minute too, the slow way, so none is ever left out.
CREATE FUNCTION run_party_minute() RETURNS trigger
LANGUAGE plpgsql
SET search_path = svirt_trace, pg_temp
AS $$
BEGIN
    SELECT r.first_ms - ((r.first_ms % 60000) + 60000) % 60000 INTO NEW.run_minute_ms
    FROM denial_runs r WHERE r.id = NEW.run_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER run_parties_minute BEFORE INSERT ON run_parties
    FOR EACH ROW WHEN (NEW.run_minute_ms IS NULL) EXECUTE FUNCTION run_party_minute();
