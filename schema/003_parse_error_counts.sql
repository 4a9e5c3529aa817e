-- Parse errors are kept in full for the first 1,000 per source and reason; the rest are only
-- counted, so that a file of random bytes cannot grow the store by hundreds of megabytes.
-- Reports add the counts to the rows: their totals stay exact.
--
-- An error past the cap is first stored as a row marked overflow = 1 and folded into
-- parse_error_counts when the source's checkpoint passes its line: lines after the checkpoint
-- are read again by the next run (and their reader errors forgotten and judged anew), so they
-- must stay rows until then. Problems outside any source (state folder files, source_id NULL)
-- are folded at once.
ALTER TABLE parse_errors ADD COLUMN overflow INTEGER NOT NULL DEFAULT 0;
CREATE INDEX parse_errors_overflow ON parse_errors(source_id, line) WHERE overflow = 1;

CREATE TABLE parse_error_counts (
    source_key INTEGER NOT NULL,            -- sources.id, 0 for problems outside any source
    reason     TEXT    NOT NULL,
    stage      TEXT    NOT NULL,
    kept       INTEGER NOT NULL DEFAULT 0,  -- rows in parse_errors with overflow = 0
    counted    INTEGER NOT NULL DEFAULT 0,  -- past the cap: counted, not kept
    PRIMARY KEY (source_key, reason, stage)
) WITHOUT ROWID;

INSERT INTO parse_error_counts(source_key, reason, stage, kept)
    SELECT coalesce(source_id, 0), reason, stage, count(*) FROM parse_errors GROUP BY 1, 2, 3;

CREATE TRIGGER parse_errors_kept AFTER INSERT ON parse_errors WHEN NEW.overflow = 0 BEGIN
    INSERT INTO parse_error_counts(source_key, reason, stage, kept)
        VALUES (coalesce(NEW.source_id, 0), NEW.reason, NEW.stage, 1)
        ON CONFLICT DO UPDATE SET kept = kept + 1;
END;

CREATE TRIGGER parse_errors_forgotten AFTER DELETE ON parse_errors WHEN OLD.overflow = 0 BEGIN
    UPDATE parse_error_counts SET kept = kept - 1
        WHERE source_key = coalesce(OLD.source_id, 0) AND reason = OLD.reason AND stage = OLD.stage;
    -- A reader error at or before its source's checkpoint is forgotten only when the source is
    -- read again from its start (ingest reads a file shorter than its checkpoint whole): the
    -- errors past the cap are judged anew as well.
    UPDATE parse_error_counts SET counted = 0
        WHERE OLD.stage = 'reader' AND source_key = OLD.source_id AND stage = 'reader'
          AND OLD.line <= (SELECT line FROM sources WHERE id = OLD.source_id);
END;

CREATE TRIGGER parse_errors_overflow_outside_sources AFTER INSERT ON parse_errors
WHEN NEW.overflow = 1 AND NEW.source_id IS NULL BEGIN
    INSERT INTO parse_error_counts(source_key, reason, stage, counted) VALUES (0, NEW.reason, NEW.stage, 1)
        ON CONFLICT DO UPDATE SET counted = counted + 1;
    DELETE FROM parse_errors WHERE id = NEW.id;
END;

CREATE TRIGGER sources_checkpoint_folds_overflow AFTER UPDATE OF line ON sources BEGIN
    INSERT INTO parse_error_counts(source_key, reason, stage, counted)
        SELECT source_id, reason, stage, count(*) FROM parse_errors
        WHERE overflow = 1 AND source_id = NEW.id AND line <= NEW.line GROUP BY reason, stage
        ON CONFLICT DO UPDATE SET counted = counted + excluded.counted;
    DELETE FROM parse_errors WHERE overflow = 1 AND source_id = NEW.id AND line <= NEW.line;
END;
