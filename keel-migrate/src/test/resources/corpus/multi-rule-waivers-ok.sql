-- expect: none
-- keel:allow adding-serial-column legacy_imports holds 300 rows and is written only by the nightly import
-- keel:allow disallowed-unique-constraint legacy_imports holds 300 rows and is written only by the nightly import
-- keel:allow prefer-bigint the import table never holds more than a few thousand rows
ALTER TABLE legacy_imports ADD COLUMN id serial PRIMARY KEY;
