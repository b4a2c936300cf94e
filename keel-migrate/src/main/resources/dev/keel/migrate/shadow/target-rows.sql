-- Estimated rows of each table on the target, to say how much a lock or rewrite would hold up and
-- how many synthetic rows the shadow gets. reltuples is -1 for a table never vacuumed or analyzed.
SELECT n.nspname, c.relname, c.reltuples::bigint AS rows
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg_toast%'
