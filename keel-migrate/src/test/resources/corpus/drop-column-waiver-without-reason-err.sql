-- expect: dropping-column, waiver-without-reason
-- keel:allow dropping-column
ALTER TABLE users DROP COLUMN IF EXISTS legacy_flag;
