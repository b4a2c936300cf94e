-- Each run of each job of keel up: when it started and ended, how it went and what it measured.
-- A run still 'running' whose job lock nobody holds was left by a killed agent (RunHistory.interruptStale).
SELECT pg_advisory_xact_lock(hashtext('keel agent schema'));
${createSchema}
CREATE TABLE IF NOT EXISTS ${schema}.agent_runs (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job      text NOT NULL,
    started  timestamptz NOT NULL,
    finished timestamptz,
    outcome  text NOT NULL CHECK (outcome IN ('running', 'ok', 'failed', 'interrupted')),
    figures  jsonb NOT NULL DEFAULT '{}',
    error    text,
    agent    text NOT NULL
);
CREATE INDEX IF NOT EXISTS agent_runs_job_started ON ${schema}.agent_runs (job, started DESC);
