-- expect: none
-- keel:allow dropping-column release 4.12 stopped reading and writing users.legacy_flag
ALTER TABLE users DROP COLUMN IF EXISTS legacy_flag;
