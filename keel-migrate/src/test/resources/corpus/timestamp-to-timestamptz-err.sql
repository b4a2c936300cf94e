-- expect: changing-column-type
-- Free since 12 only when the session's TimeZone is UTC, which a static check cannot know.
ALTER TABLE sessions ALTER COLUMN expires_at TYPE timestamptz;
