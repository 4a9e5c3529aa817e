-- Alerts raised by `watch`, and their delivery to each sink. An alert is stored in the same
-- transaction as the event that raised it; a delivery stays pending until its sink confirms,
-- so alerts that a restart interrupted are sent again.
CREATE TABLE alerts (
    id         INTEGER PRIMARY KEY,
    alert_id   TEXT    NOT NULL,
    time_ms    INTEGER NOT NULL,
    severity   TEXT    NOT NULL,
    rule       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    node       TEXT    NOT NULL,
    json       TEXT    NOT NULL
);
CREATE INDEX alerts_by_time ON alerts(time_ms);

CREATE TABLE alert_deliveries (
    alert      INTEGER NOT NULL REFERENCES alerts(id),
    sink       TEXT    NOT NULL,
    state      TEXT    NOT NULL,              -- pending | delivered | failed
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    PRIMARY KEY (alert, sink)
) WITHOUT ROWID;
CREATE INDEX alert_deliveries_by_state ON alert_deliveries(state, sink);
