-- expect: adding-serial-column, disallowed-unique-constraint, prefer-bigint
-- The legacy import table never had a key.
ALTER TABLE legacy_imports ADD COLUMN id serial PRIMARY KEY;
