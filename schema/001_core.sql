-- svirt-trace core schema. Applied once, in order, by the migrator; never edited after release.
-- Times are milliseconds since the epoch (UTC). node is '' for logs without node= and no --node,
-- so that it can take part in unique keys; the CLI shows it as null.

-- A log source, identified by its content (first line) rather than its path, because
-- rotation renames files. The checkpoint is where a later run resumes.
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    first_line_hash TEXT    NOT NULL,
    prefix_hash     TEXT    NOT NULL,
    prefix_length   INTEGER NOT NULL,
    last_path       TEXT    NOT NULL,
    byte_offset     INTEGER NOT NULL DEFAULT 0,
    line            INTEGER NOT NULL DEFAULT 0,
    updated_ms      INTEGER
);
CREATE INDEX sources_first_line ON sources(first_line_hash);

-- Every audit event that produced a finding. Its ID is unique per node; a log that repeats an
-- ID further down the same source (pasted or concatenated logs) keeps each repeat, with the
-- repeat's first line as its occurrence. The same ID from another source is the same event.
CREATE TABLE audit_events (
    id         INTEGER PRIMARY KEY,
    node       TEXT    NOT NULL,
    time_ms    INTEGER NOT NULL,
    serial     INTEGER NOT NULL,
    occurrence INTEGER NOT NULL DEFAULT 0,
    source_id  INTEGER REFERENCES sources(id),
    line       INTEGER,
    UNIQUE (node, serial, time_ms, occurrence)
);
CREATE INDEX audit_events_time ON audit_events(time_ms);

-- The records of a stored event exactly as logged: the evidence.
CREATE TABLE raw_records (
    audit_event_id INTEGER NOT NULL REFERENCES audit_events(id),
    seq            INTEGER NOT NULL,
    record_type    TEXT    NOT NULL,
    line           INTEGER,
    text           TEXT    NOT NULL,
    PRIMARY KEY (audit_event_id, seq)
) WITHOUT ROWID;

CREATE TABLE guests (
    id    INTEGER PRIMARY KEY,
    node  TEXT NOT NULL,
    uuid  TEXT NOT NULL,
    name  TEXT NOT NULL,
    UNIQUE (node, uuid)
);
CREATE INDEX guests_by_name ON guests(name);
CREATE INDEX guests_by_uuid ON guests(uuid);

-- One guest holding one label for one lifetime.
CREATE TABLE leases (
    id              INTEGER PRIMARY KEY,
    guest_id        INTEGER NOT NULL REFERENCES guests(id),
    node            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    model           TEXT    NOT NULL,          -- selinux | dac
    label           TEXT    NOT NULL,          -- vm-ctx as logged
    image_label     TEXT,
    level           TEXT,                      -- canonical MCS level, selinux only
    process_type    TEXT,
    is_static       INTEGER NOT NULL DEFAULT 0,
    pid             INTEGER,
    valid_from_ms   INTEGER,                   -- NULL: running before the log began
    valid_from_serial INTEGER,
    valid_to_ms     INTEGER,                   -- NULL: still running
    valid_to_serial INTEGER,
    started         INTEGER NOT NULL DEFAULT 0,
    origin          TEXT    NOT NULL           -- audit | status-xml
);
CREATE INDEX leases_by_label ON leases(level, node, valid_from_ms);
CREATE INDEX leases_by_guest ON leases(guest_id);

-- VIRT_RESOURCE records: disks, networks and host devices given to a guest.
CREATE TABLE guest_resources (
    id             INTEGER PRIMARY KEY,
    audit_event_id INTEGER NOT NULL REFERENCES audit_events(id),
    node           TEXT    NOT NULL,
    time_ms        INTEGER NOT NULL,
    uuid           TEXT,
    vm             TEXT,
    lease_id       INTEGER REFERENCES leases(id),
    resource       TEXT    NOT NULL,
    reason         TEXT,
    old_value      TEXT,
    new_value      TEXT,
    success        INTEGER NOT NULL
);
CREATE INDEX guest_resources_by_uuid ON guest_resources(node, uuid);
CREATE INDEX guest_resources_by_lease ON guest_resources(lease_id);

-- One row per denial event.
CREATE TABLE denials (
    id             INTEGER PRIMARY KEY,
    audit_event_id INTEGER NOT NULL UNIQUE REFERENCES audit_events(id),
    node           TEXT    NOT NULL,
    time_ms        INTEGER NOT NULL,
    serial         INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    boolean        TEXT,
    seresult       TEXT    NOT NULL,
    scontext       TEXT    NOT NULL,
    tcontext       TEXT    NOT NULL,
    stype          TEXT,
    ttype          TEXT,
    slevel         TEXT,
    tlevel         TEXT,
    tclass         TEXT    NOT NULL,
    perms          TEXT    NOT NULL,           -- space-separated union over the event's AVC records
    permissive     INTEGER,
    pid            INTEGER,
    comm           TEXT,
    exe            TEXT,
    syscall        TEXT,
    success        INTEGER,
    exit_code      INTEGER,
    uid            INTEGER,
    auid           INTEGER,
    auid_name      TEXT,
    cwd            TEXT,
    path           TEXT,
    proctitle      TEXT,
    avc_count      INTEGER NOT NULL,
    -- Each side resolved at ingest: the candidate guests' count, the first by name, and a key
    -- that names the side in reports (candidate uuids joined by ',', or 'label:LEVEL' for an
    -- svirt label no guest held, or NULL for a host object).
    source_count   INTEGER NOT NULL DEFAULT 0,
    source_vm      TEXT,
    source_uuid    TEXT,
    source_key     TEXT,
    target_count   INTEGER NOT NULL DEFAULT 0,
    target_vm      TEXT,
    target_uuid    TEXT,
    target_key     TEXT
);
CREATE INDEX denials_by_kind_time ON denials(kind, time_ms);
CREATE INDEX denials_by_time ON denials(time_ms);
CREATE INDEX denials_by_node_time ON denials(node, time_ms);
CREATE INDEX denials_by_pair ON denials(kind, source_key, target_key);

-- Every AVC / USER_AVC record of a denial event.
CREATE TABLE avc_records (
    denial_id   INTEGER NOT NULL REFERENCES denials(id),
    seq         INTEGER NOT NULL,
    record_type TEXT    NOT NULL,
    seresult    TEXT    NOT NULL,
    perms       TEXT    NOT NULL,
    scontext    TEXT    NOT NULL,
    tcontext    TEXT    NOT NULL,
    tclass      TEXT    NOT NULL,
    permissive  INTEGER,
    pid         INTEGER,
    comm        TEXT,
    name        TEXT,
    dev         TEXT,
    ino         INTEGER,
    line        INTEGER,                   -- the record's line in its source (raw_records.line)
    PRIMARY KEY (denial_id, seq)
) WITHOUT ROWID;

-- Which leases were on each side of a denial: one row per candidate.
CREATE TABLE denial_parties (
    denial_id INTEGER NOT NULL REFERENCES denials(id),
    side      TEXT    NOT NULL,                -- source | target
    lease_id  INTEGER NOT NULL REFERENCES leases(id),
    PRIMARY KEY (denial_id, side, lease_id)
) WITHOUT ROWID;
CREATE INDEX denial_parties_by_lease ON denial_parties(lease_id, side);

-- Non-denial events: lifecycle, collisions, policy changes.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    audit_event_id INTEGER REFERENCES audit_events(id),
    node           TEXT    NOT NULL,
    time_ms        INTEGER,                    -- NULL: bootstrap from status XML
    serial         INTEGER,
    kind           TEXT    NOT NULL,
    vm             TEXT,
    uuid           TEXT,
    label          TEXT,
    detail         TEXT    NOT NULL            -- JSON object
);
CREATE INDEX events_by_kind_time ON events(kind, time_ms);
CREATE INDEX events_by_node_time ON events(node, time_ms);
CREATE INDEX events_by_uuid ON events(uuid);

-- Lines and records that could not be used, with where they were.
CREATE TABLE parse_errors (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER REFERENCES sources(id),
    path        TEXT    NOT NULL,
    line        INTEGER NOT NULL,
    byte_offset INTEGER,
    reason      TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    stage       TEXT    NOT NULL,          -- reader (a line or record) | decoder (a field of a kept event)
    UNIQUE (source_id, line, reason)
);

-- Running totals, kept in the same transaction as the rows they count, so that unfiltered
-- reports over millions of denials read a few thousand rows instead. A filtered report scans
-- the denials themselves.

-- Cross-guest, unknown-source and unknown-target denials per pair of sides: one row per pair,
-- its sets (kinds, perms, tclasses, nodes) kept sorted and comma-separated.
CREATE TABLE pair_totals (
    source_key  TEXT    NOT NULL,
    target_key  TEXT    NOT NULL,
    source_vm   TEXT,
    target_vm   TEXT,
    kinds       TEXT    NOT NULL,
    count       INTEGER NOT NULL,
    first_ms    INTEGER NOT NULL,
    last_ms     INTEGER NOT NULL,
    perms       TEXT    NOT NULL,
    tclasses    TEXT    NOT NULL,
    nodes       TEXT    NOT NULL,
    permissive  INTEGER NOT NULL,
    sample_path TEXT,
    PRIMARY KEY (source_key, target_key)
) WITHOUT ROWID;

-- Denials per day (UTC), node and kind.
CREATE TABLE daily_totals (
    day     INTEGER NOT NULL,              -- days since 1970-01-01
    node    TEXT    NOT NULL,
    kind    TEXT    NOT NULL,
    count   INTEGER NOT NULL,
    last_ms INTEGER NOT NULL,
    PRIMARY KEY (day, node, kind)
) WITHOUT ROWID;

-- The newest stored event of each node: a node that went silent stands out.
CREATE TABLE node_activity (
    node    TEXT    PRIMARY KEY,
    events  INTEGER NOT NULL,
    last_ms INTEGER NOT NULL
) WITHOUT ROWID;
