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
