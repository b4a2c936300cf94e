/* keel advise */ SELECT a.attname AS column_name,
       -- n_distinct < 0 is a fraction of the rows: both forms become a count of distinct values.
       CASE WHEN s.n_distinct IS NULL THEN NULL
            WHEN s.n_distinct < 0 THEN -s.n_distinct * greatest(c.reltuples, 1)
            ELSE s.n_distinct END AS distinct_values,
       coalesce(s.null_frac, 0) AS null_fraction
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname AND NOT s.inherited
WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'm')
