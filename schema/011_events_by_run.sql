-- A run's events by run. The time index (which carries the run) finds them only while runs do
-- not overlap in time: a guest attacked with a thousand distinct denials cycling within a minute
-- had a thousand runs whose ranges each held the whole minute, and `query who-touched` read every
-- event of that minute once per run: 44.8 s on a store of 60,000 denials (helper-92), where
-- this index answers in 0.4 s. One B-tree more per event: about 2 MB on the 110,000 events of
-- the denial-dense benchmark log. The fleet store has had its own since postgresql/003.
CREATE INDEX audit_events_run ON audit_events(run_id, time_ms) WHERE run_id IS NOT NULL;
