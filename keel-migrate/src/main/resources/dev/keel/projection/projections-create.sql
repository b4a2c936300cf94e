-- Counters, summaries, materialized views and projections keel keeps beside the tables they derive from: what each is
-- (kind and definition), whether it can be read yet (state), which change created it, and when its upkeep last ran.
CREATE TABLE IF NOT EXISTS ${projections} (
    schema_name    text NOT NULL,
    name           text NOT NULL,
    kind           text NOT NULL,
    definition     jsonb NOT NULL,
    state          text NOT NULL,
    created_by     text,
    created_on     timestamptz NOT NULL DEFAULT now(),
    updated_on     timestamptz NOT NULL DEFAULT now(),
    last_compacted timestamptz,
    last_verified  timestamptz,
    last_refreshed timestamptz,
    PRIMARY KEY (schema_name, name)
)
