-- The session's time zone: with UTC, PostgreSQL 12+ swaps timestamp and timestamptz without a rewrite.
SELECT current_setting('TimeZone')
