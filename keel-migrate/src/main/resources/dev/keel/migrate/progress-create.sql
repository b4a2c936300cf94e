-- How far a migration that runs without a transaction got: a killed run resumes after the last
-- statement that completed instead of running the completed ones again.
CREATE TABLE IF NOT EXISTS ${progress} (
    script          text PRIMARY KEY,
    checksum        integer NOT NULL,
    statements_done integer NOT NULL,
    updated_on      timestamptz NOT NULL DEFAULT now()
)
