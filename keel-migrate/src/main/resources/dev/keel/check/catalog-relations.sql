-- Every user table, view and materialized view, with the row estimate the checks weigh locks by:
-- reltuples once analysed; an empty heap has no rows; otherwise unknown (-1).
SELECT n.nspname, c.relname, c.relkind,
       CASE WHEN c.reltuples > 0 THEN c.reltuples::bigint
            WHEN c.relkind IN ('r', 'm') AND pg_relation_size(c.oid) = 0 THEN 0
            WHEN c.reltuples = 0 AND c.relkind IN ('r', 'm') AND c.relpages > 0 THEN 0
            ELSE -1 END
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg_toast%'
  AND n.nspname NOT LIKE 'pg_temp%'
