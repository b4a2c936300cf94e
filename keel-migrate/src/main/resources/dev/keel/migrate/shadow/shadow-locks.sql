-- The relation locks a backend holds or waits for. In a transaction the statement's own session
-- keeps its locks until the end, so after a statement they show what it took; for a statement
-- outside a transaction another session reads them while the statement waits (see LockWitness).
SELECT n.nspname, c.relname, l.mode, l.granted
FROM pg_locks l
JOIN pg_class c ON c.oid = l.relation
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE l.pid = ?
  AND l.locktype = 'relation'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'keel_shadow')
  AND n.nspname NOT LIKE 'pg_toast%'
