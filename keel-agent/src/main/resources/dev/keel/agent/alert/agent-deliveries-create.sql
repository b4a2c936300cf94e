-- Each attempt to deliver an alert to a webhook, for every agent's jobs page (a standby's, a restarted one's). The
-- webhook by name and scheme://host (target) only: its URL is a credential. The newest attempts per webhook are kept.
SELECT pg_advisory_xact_lock(hashtext('keel agent schema'));
${createSchema}
CREATE TABLE IF NOT EXISTS ${schema}.agent_deliveries (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempted timestamptz NOT NULL,
    webhook text NOT NULL,
    target  text NOT NULL,
    event   text NOT NULL,
    key     text NOT NULL,
    attempt int NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('delivered', 'failed', 'gave-up')),
    detail  text
);
CREATE INDEX IF NOT EXISTS agent_deliveries_webhook_id ON ${schema}.agent_deliveries (webhook, id DESC);
