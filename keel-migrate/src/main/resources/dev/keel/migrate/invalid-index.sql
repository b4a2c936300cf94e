-- An index left INVALID by an interrupted CREATE INDEX CONCURRENTLY, by name (schema optional).
SELECT n.nspname, c.relname
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid
  AND c.relname = ?
  AND (?::text IS NULL AND n.nspname = ANY (current_schemas(false)) OR n.nspname = ?::text)
