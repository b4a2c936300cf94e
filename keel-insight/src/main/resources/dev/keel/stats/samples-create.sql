-- Literal values seen in pg_stat_activity, per pg_stat_statements queryid: what the statement is
-- really asked for, so index advice can plan it with them. The statement text is not kept, only
-- the values behind its $n, and only the newest few per statement (samples-trim.sql).
SELECT pg_advisory_xact_lock(hashtext('keel stats schema'));
${createSchema}
CREATE TABLE IF NOT EXISTS ${schema}.stat_sample (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queryid    bigint NOT NULL,
    sampled_at timestamptz NOT NULL,
    literals   text[] NOT NULL
);
CREATE INDEX IF NOT EXISTS stat_sample_queryid ON ${schema}.stat_sample (queryid, id);
