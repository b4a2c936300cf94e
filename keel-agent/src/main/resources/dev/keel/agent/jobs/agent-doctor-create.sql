-- The doctor job's newest report, one row: the dashboard of every agent (a standby's too) shows it instead of running
-- the doctor, whose slowest-statements check stores a snapshot. json, not jsonb: jsonb reorders keys, and evidence
-- is in the order a reader needs it.
SELECT pg_advisory_xact_lock(hashtext('keel agent schema'));
${createSchema}
CREATE TABLE IF NOT EXISTS ${schema}.agent_doctor (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    taken    timestamptz NOT NULL,
    agent    text NOT NULL,
    report   json NOT NULL
);
