-- expect: prefer-jsonb
ALTER TABLE events ADD COLUMN metadata json;
