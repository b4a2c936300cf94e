-- expect: none
ALTER TABLE legacy_imports ADD CONSTRAINT legacy_imports_id_not_null CHECK (id IS NOT NULL) NOT VALID;
