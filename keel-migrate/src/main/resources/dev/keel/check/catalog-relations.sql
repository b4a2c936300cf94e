-- Every user table, view and materialized view, with the row estimate the checks weigh locks by:
-- reltuples once analysed; an empty heap has no rows; otherwise unknown (-1).
-- pg_relation_size takes an ACCESS SHARE lock: behind a session holding (or waiting for) ACCESS EXCLUSIVE
-- on the table, the checks would wait with it, and so would the migration they gate. Such a table is not
-- sized; the cumulative statistics, which take no lock, still count its live rows.
-- A partition names its partitioned table (pg_inherits, as relispartition is missing before version 10).
SELECT n.nspname, c.relname, c.relkind,
       CASE WHEN c.reltuples > 0 THEN c.reltuples::bigint
            WHEN c.relkind IN ('r', 'm') AND pg_stat_get_live_tuples(c.oid) > 0 THEN pg_stat_get_live_tuples(c.oid)
            WHEN c.relkind IN ('r', 'm')
                 AND NOT EXISTS (SELECT 1 FROM pg_locks l
                                 WHERE l.locktype = 'relation' AND l.relation = c.oid AND l.mode = 'AccessExclusiveLock'
                                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))
                 AND pg_relation_size(c.oid) = 0 THEN 0
            WHEN c.reltuples = 0 AND c.relkind IN ('r', 'm') AND c.relpages > 0 THEN 0
            ELSE -1 END,
       (SELECT pn.nspname FROM pg_inherits h JOIN pg_class pc ON pc.oid = h.inhparent
        JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE h.inhrelid = c.oid AND pc.relkind = 'p'),
       (SELECT pc.relname FROM pg_inherits h JOIN pg_class pc ON pc.oid = h.inhparent
        WHERE h.inhrelid = c.oid AND pc.relkind = 'p')
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg_toast%'
  AND n.nspname NOT LIKE 'pg_temp%'
