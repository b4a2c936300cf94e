-- Estimated rows of each table on the target, to say how much a lock or rewrite would hold up.
SELECT c.relname, max(c.reltuples)::bigint AS rows
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
GROUP BY c.relname
