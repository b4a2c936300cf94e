CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${replicas} (
    name        text PRIMARY KEY,
    slot_name   text,
    target_dir  text NOT NULL,
    made_on     text NOT NULL,
    source      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
)
