-- expect: none
CREATE UNLOGGED TABLE import_staging (id bigint, payload text);
ALTER TABLE import_staging SET LOGGED;
