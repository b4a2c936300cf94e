-- The one change in flight: its file as started (complete and rollback plan from it, not from a file edited since),
-- the schema as it was before start, and how far each phase got, so every command resumes after a crash.
CREATE TABLE IF NOT EXISTS ${state} (
    version          text PRIMARY KEY,
    script           text NOT NULL,
    checksum         integer NOT NULL,
    content          text NOT NULL,
    description      text NOT NULL,
    schema_name      text NOT NULL,
    previous_version text,
    created_previous boolean NOT NULL,
    snapshot         text NOT NULL,
    phase            text NOT NULL,
    started_on       timestamptz NOT NULL DEFAULT now(),
    updated_on       timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS ${backfill} (
    version    text NOT NULL,
    table_name text NOT NULL,
    last_key   text[],
    rows_done  bigint NOT NULL DEFAULT 0,
    rows_total bigint NOT NULL DEFAULT 0,
    done       boolean NOT NULL DEFAULT false,
    started_on timestamptz NOT NULL DEFAULT now(),
    updated_on timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (version, table_name)
)
;
-- The partition sets create_partitioned_table declared, which keel partitions maintain keeps: future partitions,
-- retention, rows out of the default partition. The storage settings are the template partitions do not inherit.
CREATE TABLE IF NOT EXISTS ${partitionSets} (
    schema_name      text NOT NULL,
    parent           text NOT NULL,
    strategy         text NOT NULL,
    key_column       text NOT NULL,
    key_type         text,
    part_interval    text,
    premake          integer NOT NULL DEFAULT 4,
    retention        text,
    retention_action text NOT NULL DEFAULT 'detach',
    grace            text,
    settings         text,
    declared_in      text NOT NULL,
    declared_on      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (schema_name, parent)
);
-- Partitions retention detached: a drop waits here until drop_after (null: kept detached for people to archive).
CREATE TABLE IF NOT EXISTS ${partitionsDetached} (
    schema_name text NOT NULL,
    partition   text NOT NULL,
    parent      text NOT NULL,
    detached_on timestamptz NOT NULL DEFAULT now(),
    drop_after  timestamptz,
    PRIMARY KEY (schema_name, partition)
)
