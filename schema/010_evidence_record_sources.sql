-- No table changes: this version marks the evidence blocks' format. From here on a record of an
-- event that a rotation split, read from another source than the one its event is stored under,
-- carries that source's id after its line (`12@3`; see EvidenceFormat): `query evidence` named
-- the first piece's file for the second piece's lines. An older svirt-trace finds no line number
-- in such a record and takes the event's range for damage, so older versions must stop here:
-- they refuse a store of a newer version with a message. Blocks written before read as they did.
SELECT 1;
