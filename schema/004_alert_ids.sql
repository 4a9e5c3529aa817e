-- Alert ids derive from what an alert is about (node, audit event, rule; a follow-up from its
-- window), so a replay after a crash raises an alert again under the same id. The ledger keeps
-- one row per id: a second insert of an id keeps the stored row and is not delivered again.
-- Ids written before (a per-process counter) may repeat: the first row of each is kept.
DELETE FROM alert_deliveries
 WHERE alert IN (SELECT id FROM alerts WHERE id NOT IN (SELECT min(id) FROM alerts GROUP BY alert_id));
DELETE FROM alerts WHERE id NOT IN (SELECT min(id) FROM alerts GROUP BY alert_id);
CREATE UNIQUE INDEX alerts_by_alert_id ON alerts(alert_id);

-- The alert engine's open dedupe and rate-limit windows and its event-time clock, one row per
-- window (JSON), written in the transaction that stores the events that changed them: a watch
-- restarted after a crash continues the windows instead of alerting again.
CREATE TABLE alert_engine_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
