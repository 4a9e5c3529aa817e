-- Several watches may write to one database: one per node (a fleet's hosts, or two logs read on
-- one host). Until now the alert engine's windows and the unconfirmed deliveries belonged to the
-- database, so a second watch took up the first one's windows at its start, closed them by its
-- own clock with the counts it had seen, and printed the first one's alerts. And a log whose first
-- bytes matched another node's stored source was taken for it (its head skipped: its leases were
-- lost). Now windows and deliveries belong to their watch, whose owner name is its node (its
-- --node, else the config file's node; '' for none); one watch at a time holds a node (a lock
-- file beside the database). Sources belong to the node their lines are read for.

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

-- A source is read for one node (the node of its lines without node=): the same bytes read for
-- another node are other events. NULL: read before 007; matches any node and is claimed by the
-- next checkpoint.
ALTER TABLE sources ADD COLUMN node TEXT;
