CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS legacy_imports_id_idx ON legacy_imports (id);
