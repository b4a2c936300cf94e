ALTER TABLE legacy_imports
    ALTER COLUMN id SET NOT NULL,
    ADD CONSTRAINT legacy_imports_pkey PRIMARY KEY USING INDEX legacy_imports_id_idx;
