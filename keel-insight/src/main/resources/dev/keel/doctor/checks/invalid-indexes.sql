/* keel doctor: invalid-indexes. Indexes left invalid by a failed CREATE INDEX CONCURRENTLY or REINDEX
   CONCURRENTLY; one being built right now is invalid too and is left out. */
SELECT n.nspname AS schema_name, ic.relname AS index_name, i.indrelid::regclass::text AS table_name,
       pg_relation_size(i.indexrelid) AS index_bytes, pg_relation_size(i.indrelid) AS table_bytes,
       i.indisunique AS is_unique, i.indisready AS maintained_on_writes, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
WHERE NOT i.indisvalid
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND NOT EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = i.indexrelid)
ORDER BY pg_relation_size(i.indrelid) DESC
