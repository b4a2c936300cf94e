/* keel advise */ SELECT s.schemaname AS schema_name, s.relname AS table_name, s.indexrelname AS index_name,
       pg_relation_size(s.indexrelid) AS bytes,
       coalesce(d.stats_reset, pg_postmaster_start_time()) AS counting_since
FROM pg_stat_user_indexes s
JOIN pg_index i ON i.indexrelid = s.indexrelid
CROSS JOIN pg_stat_database d
WHERE d.datname = current_database()
  AND s.idx_scan = 0
  AND i.indisvalid
  -- An index behind a primary key, unique or exclusion constraint enforces it even when no query reads it.
  AND NOT i.indisunique
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid)
  AND s.schemaname NOT IN (?, 'keel_advise_shadow')
ORDER BY pg_relation_size(s.indexrelid) DESC, s.schemaname, s.indexrelname
