/* keel doctor: table-bloat. What the estimate needs per table: its pages and rows from the last
   ANALYZE or VACUUM, the average row width from pg_stats, and whether every column has statistics
   (without them the width, and so the estimate, would be too low). */
WITH widths AS (
    SELECT s.schemaname, s.tablename, sum((1 - s.null_frac) * s.avg_width) AS row_width, count(*) AS columns_with_stats
    FROM pg_stats s
    WHERE NOT s.inherited
    GROUP BY s.schemaname, s.tablename
)
SELECT n.nspname AS schema_name, c.relname AS table_name, c.relpages AS pages, c.reltuples AS rows,
       w.row_width, current_setting('block_size')::int AS block_size,
       coalesce((SELECT o.option_value::int FROM pg_options_to_table(c.reloptions) o WHERE o.option_name = 'fillfactor'), 100) AS fillfactor,
       w.columns_with_stats = (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
           AS all_columns_analyzed
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN widths w ON w.schemaname = n.nspname AND w.tablename = c.relname
WHERE c.relkind IN ('r', 'm') AND c.relpages > 0 AND c.reltuples > 0
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY c.relpages DESC
LIMIT 200
