-- Cancels the autovacuum workers that block the migration's session, as PostgreSQL's own lock manager does for a
-- session that waits longer than deadlock_timeout; a vacuum that prevents wraparound is left alone, as it does too.
SELECT count(*) FILTER (WHERE pg_cancel_backend(a.pid))
FROM pg_stat_activity a
WHERE a.pid = ANY (pg_blocking_pids(?))
  AND a.backend_type = 'autovacuum worker'
  AND a.query NOT LIKE '%(to prevent wraparound)%'
