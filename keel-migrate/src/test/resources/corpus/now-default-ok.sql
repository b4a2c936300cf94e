-- expect: none
-- now() is stable, not volatile: since PostgreSQL 11 the default is stored once, no rewrite.
ALTER TABLE events ADD COLUMN received_at timestamptz NOT NULL DEFAULT now();
