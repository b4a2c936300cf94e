-- expect: none
ALTER TABLE events ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb;
