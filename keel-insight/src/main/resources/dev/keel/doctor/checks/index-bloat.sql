/* keel doctor: index-bloat. What a b-tree's expected size needs, per index: its pages and tuples
   from the last VACUUM or ANALYZE, the average width of each key column from pg_stats, whether a
   key column may be null (a null bitmap then joins each tuple), and the fillfactor it was built with.
   Expression keys have their statistics under the index's name and are left out, as are indexes
   with a column that has no statistics (its width would count as zero and inflate the estimate). */
WITH keys AS (
    SELECT i.indexrelid, i.indrelid, k.attnum, k.ord
    FROM pg_index i
    CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    WHERE i.indisvalid AND i.indexprs IS NULL AND k.ord <= i.indnkeyatts
), widths AS (
    SELECT k.indexrelid,
           sum(s.avg_width) AS key_width,
           count(s.attname) = count(*) AS all_keys_analyzed,
           bool_or(NOT a.attnotnull) AS nullable
    FROM keys k
    JOIN pg_attribute a ON a.attrelid = k.indrelid AND a.attnum = k.attnum
    JOIN pg_class t ON t.oid = k.indrelid
    JOIN pg_namespace tn ON tn.oid = t.relnamespace
    LEFT JOIN pg_stats s ON s.schemaname = tn.nspname AND s.tablename = t.relname AND s.attname = a.attname AND NOT s.inherited
    GROUP BY k.indexrelid
)
SELECT n.nspname AS schema_name, c.relname AS index_name, t.relname AS table_name, c.relpages AS pages, c.reltuples AS tuples,
       w.key_width, w.nullable,
       current_setting('block_size')::int AS block_size,
       coalesce((SELECT o.option_value::int FROM pg_options_to_table(c.reloptions) o WHERE o.option_name = 'fillfactor'), 90) AS fillfactor
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_index i ON i.indexrelid = c.oid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_am am ON am.oid = c.relam AND am.amname = 'btree'
JOIN widths w ON w.indexrelid = c.oid
WHERE c.relpages > 1 AND c.reltuples > 0 AND w.all_keys_analyzed
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
ORDER BY c.relpages DESC
LIMIT 200
