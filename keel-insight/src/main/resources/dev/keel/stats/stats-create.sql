-- Two keel processes taking their first snapshot at once must not both create the tables.
SELECT pg_advisory_xact_lock(hashtext('keel stats schema'));
${createSchema}
CREATE TABLE IF NOT EXISTS ${schema}.stat_snapshot (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    taken_at            timestamptz NOT NULL,
    server_started_at   timestamptz NOT NULL,
    statements_reset_at timestamptz,
    tables_reset_at     timestamptz,
    server_version      integer NOT NULL
);
CREATE INDEX IF NOT EXISTS stat_snapshot_taken_at ON ${schema}.stat_snapshot (taken_at);
CREATE TABLE IF NOT EXISTS ${schema}.stat_statement (
    snapshot_id         bigint NOT NULL REFERENCES ${schema}.stat_snapshot ON DELETE CASCADE,
    queryid             bigint NOT NULL,
    userid              oid NOT NULL,
    query               text NOT NULL,
    calls               bigint NOT NULL,
    total_exec_ms       double precision NOT NULL,
    rows                bigint NOT NULL,
    shared_blks_hit     bigint NOT NULL,
    shared_blks_read    bigint NOT NULL,
    shared_blks_dirtied bigint NOT NULL,
    shared_blks_written bigint NOT NULL,
    temp_blks_read      bigint NOT NULL,
    temp_blks_written   bigint NOT NULL,
    PRIMARY KEY (snapshot_id, queryid, userid)
);
CREATE TABLE IF NOT EXISTS ${schema}.stat_table (
    snapshot_id   bigint NOT NULL REFERENCES ${schema}.stat_snapshot ON DELETE CASCADE,
    relid         oid NOT NULL,
    schema_name   name NOT NULL,
    table_name    name NOT NULL,
    seq_scan      bigint,
    seq_tup_read  bigint,
    idx_scan      bigint,
    idx_tup_fetch bigint,
    n_tup_ins     bigint,
    n_tup_upd     bigint,
    n_tup_del     bigint,
    n_tup_hot_upd bigint,
    n_live_tup    bigint,
    n_dead_tup    bigint,
    table_bytes   bigint,
    total_bytes   bigint,
    PRIMARY KEY (snapshot_id, relid)
);
-- Snapshots taken before keel recorded sizes: their rows keep NULL sizes, growth advice starts from the next one.
ALTER TABLE ${schema}.stat_table ADD COLUMN IF NOT EXISTS table_bytes bigint, ADD COLUMN IF NOT EXISTS total_bytes bigint;
CREATE TABLE IF NOT EXISTS ${schema}.stat_index (
    snapshot_id   bigint NOT NULL REFERENCES ${schema}.stat_snapshot ON DELETE CASCADE,
    indexrelid    oid NOT NULL,
    relid         oid NOT NULL,
    schema_name   name NOT NULL,
    table_name    name NOT NULL,
    index_name    name NOT NULL,
    idx_scan      bigint,
    idx_tup_read  bigint,
    idx_tup_fetch bigint,
    PRIMARY KEY (snapshot_id, indexrelid)
);
