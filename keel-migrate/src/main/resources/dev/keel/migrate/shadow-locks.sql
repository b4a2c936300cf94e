-- The relation locks this session holds: in a transaction they are kept until it ends, so after a
-- statement they show what the statement took.
SELECT l.relation::regclass::text AS relation, l.mode
FROM pg_locks l
JOIN pg_class c ON c.oid = l.relation
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE l.pid = pg_backend_pid()
  AND l.locktype = 'relation'
  AND l.granted
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
