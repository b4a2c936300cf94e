-- keel up's alerts: each open one once (the partial unique index), so an agent that restarts or takes over as
-- leader sees what was already sent and sends no copy; resolved ones are kept a while for the jobs page.
-- payload is json, not jsonb: jsonb reorders keys, and evidence is in the order a reader needs it.
SELECT pg_advisory_xact_lock(hashtext('keel agent schema'));
${createSchema}
CREATE TABLE IF NOT EXISTS ${schema}.agent_alerts (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key       text NOT NULL,
    severity  text NOT NULL,
    opened    timestamptz NOT NULL,
    last_sent timestamptz NOT NULL,
    resolved  timestamptz,
    payload   json NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS agent_alerts_open_key ON ${schema}.agent_alerts (key) WHERE resolved IS NULL;
