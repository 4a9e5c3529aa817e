-- No table changes: this version marks the evidence blocks' format, as SQLite's 009 and 010 do.
-- A block's later lines may be steps from the record before (`~`, `~N`), and a record of an event
-- a rotation split, read from another source than the one its event is stored under, carries
-- that source's id after its line (`12@3`; see EvidenceFormat). Spools ship their blocks as they
-- are, so the fleet store holds both forms. A svirt-trace of fleet schema 6 or older finds no line
-- number in such records and reads the event as damaged: it must refuse this store with a message
-- instead (a writer of schema 6 that is still running keeps shipping blocks of the older form,
-- which every newer svirt-trace reads). Blocks written before read as they did.
SELECT 1;
