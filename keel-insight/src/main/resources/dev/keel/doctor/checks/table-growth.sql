/* keel doctor: table-growth. Each large plain table's size now, with its growth per day when snapshots have it. */
WITH growth AS (
${growth}
)
SELECT n.nspname AS schema_name, c.relname AS table_name, c.oid AS relid,
       pg_total_relation_size(c.oid) AS total_bytes, greatest(c.reltuples, 0)::bigint AS rows,
       coalesce(g.points, 0) AS points, coalesce(g.span_seconds, 0) AS span_seconds,
       g.bytes_per_day, g.rows_per_day
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN growth g ON g.relid = c.oid
WHERE c.relkind = 'r' AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> ?
  AND pg_total_relation_size(c.oid) >= ?
ORDER BY total_bytes DESC
LIMIT 50
