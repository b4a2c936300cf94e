-- Every relation of the shadow database with its storage file and, for tables, the sequential scans
-- this transaction made: a changed relfilenode means a rewrite, a new scan means a full read.
SELECT c.oid, n.nspname, c.relname, c.relkind, c.relfilenode, coalesce(x.seq_scan, 0) AS seq_scan
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_xact_user_tables x ON x.relid = c.oid
WHERE c.relkind IN ('r', 'p', 'i', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'keel_shadow')
  AND n.nspname NOT LIKE 'pg_toast%'
