/* keel advise */ SELECT s.schemaname AS schema_name, s.relname AS table_name, s.indexrelname AS index_name, s.indexrelid,
       pg_relation_size(s.indexrelid) AS bytes,
       now() AS now,
       -- Since when idx_scan has counted: the last reset, or the server's start when the counters were never reset
       -- (a conservative start: PostgreSQL 15 and later keep the counters across a clean restart).
       coalesce(d.stats_reset, pg_postmaster_start_time()) AS counting_since,
       -- The earliest moment a stored snapshot may speak for: before it the counters may have been lost since
       -- (a reset; before PostgreSQL 15 also any restart). NULL: every snapshot may.
       CASE WHEN d.stats_reset IS NOT NULL THEN d.stats_reset
            WHEN current_setting('server_version_num')::int < 150000 THEN pg_postmaster_start_time() END AS snapshots_from
FROM pg_stat_user_indexes s
JOIN pg_index i ON i.indexrelid = s.indexrelid
CROSS JOIN pg_stat_database d
WHERE d.datname = current_database()
  AND s.idx_scan = 0
  AND i.indisvalid
  -- An index behind a primary key, unique or exclusion constraint enforces it even when no query reads it.
  AND NOT i.indisunique
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid)
  -- An index led by a foreign key's columns is how a delete or key update on the referenced table finds the
  -- referencing rows; no scan yet may only mean no such delete happened, and without it each one reads the whole
  -- table. The same test as health-foreign-keys.sql, so dropping it can never create that finding.
  AND NOT EXISTS (
      SELECT 1 FROM pg_constraint f
      WHERE f.contype = 'f' AND f.conrelid = i.indrelid AND i.indpred IS NULL
        AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(f.conkey)] @> f.conkey
        AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(f.conkey)] <@ f.conkey)
  AND s.schemaname NOT IN (?, 'keel_advise_scratch')
ORDER BY pg_relation_size(s.indexrelid) DESC, s.schemaname, s.indexrelname
