-- An index left INVALID by an interrupted CREATE INDEX CONCURRENTLY: same name, on the same table,
-- so an invalid index of that name elsewhere is never touched.
SELECT n.nspname, c.relname
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid
  AND c.relname = ?
  AND i.indrelid = to_regclass(?)
