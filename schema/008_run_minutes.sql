-- A run's events all fall in one UTC minute (DenialRuns). Its parties now carry that minute, so
-- that a report going from a guest's leases to the guest's runs can name the run's time as well
-- as its id. The fleet store keeps runs and events in monthly partitions, and an id alone says
-- nothing of the month: PostgreSQL looked for each run in every partition (14 of them in
-- tools/bench-query's year: 107,000 index probes for the most attacked guest's 7,659 runs).
-- Prune moves a run's first_ms to its earliest remaining event, never out of its minute.
ALTER TABLE run_parties ADD COLUMN run_minute_ms INTEGER;
UPDATE run_parties SET run_minute_ms = (
    SELECT CASE WHEN r.first_ms >= 0 THEN r.first_ms / 60000 ELSE (r.first_ms - 59999) / 60000 END * 60000
    FROM denial_runs r WHERE r.id = run_parties.run_id);

-- Reports go from a guest's leases to its runs through this index: it holds the minute too, so
-- that they never read the table.
DROP INDEX run_parties_by_lease;
CREATE INDEX run_parties_by_lease ON run_parties(lease_id, side, run_minute_ms);

-- An older svirt-trace that was already running when this migration ran (a watch not yet
-- restarted after the upgrade) goes on inserting parties without the minute: their run gives it.
-- The reports read a party without a minute too, the slow way, so none is ever left out.
CREATE TRIGGER run_parties_minute AFTER INSERT ON run_parties WHEN NEW.run_minute_ms IS NULL BEGIN
    UPDATE run_parties SET run_minute_ms = (
        SELECT CASE WHEN r.first_ms >= 0 THEN r.first_ms / 60000 ELSE (r.first_ms - 59999) / 60000 END * 60000
        FROM denial_runs r WHERE r.id = NEW.run_id)
    WHERE run_id = NEW.run_id AND side = NEW.side AND lease_id = NEW.lease_id;
END;
