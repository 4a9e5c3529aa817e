-- No table changes: this version marks the evidence blocks' format. From here on an event's
-- second and later records may spell their line as a step from the record before (`~`, `~N`;
-- see EvidenceFormat), which an older svirt-trace cannot read: its ingest, re-reading a stored
-- event to tell a repeat or the rest of a split event, found no records and stored duplicates or
-- dropped the rest (helper-84). Older versions refuse a store of a newer version, so they stop
-- here with a message instead. Blocks written before read as they did.
SELECT 1;
