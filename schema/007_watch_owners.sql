-- Several watches may write to one database: one per node (a fleet's hosts, or two logs read on
-- one host). Until now the alert engine's windows and the unconfirmed deliveries belonged to the
-- database, so a second watch took up the first one's windows at its start, closed them by its
-- own clock with the counts it had seen, and printed the first one's alerts. Now windows and
-- deliveries belong to their watch, whose owner name is its node (its --node, else the config
-- file's node; '' for none); one watch at a time holds a node (a lock file beside the database).

CREATE TABLE alert_windows (
    owner TEXT NOT NULL,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (owner, key)
) WITHOUT ROWID;

-- Windows and deliveries written before this migration belong to no one yet: the first watch
-- that starts takes them up (before 007 only one watch per database worked).
ALTER TABLE alert_engine_state RENAME TO alert_windows_unowned;

ALTER TABLE alert_deliveries ADD COLUMN owner TEXT;   -- NULL: written before 007
DROP INDEX alert_deliveries_by_state;
CREATE INDEX alert_deliveries_by_owner ON alert_deliveries(owner, state, sink);

