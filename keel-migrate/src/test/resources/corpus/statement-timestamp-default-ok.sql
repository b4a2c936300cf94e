-- expect: none
-- statement_timestamp() is STABLE (provolatile 's' in pg_proc), like now(): no rewrite since PostgreSQL 11.
ALTER TABLE orders ADD COLUMN imported_at timestamptz DEFAULT statement_timestamp();
