-- The sessions that block the migration's session, with what they are doing and for how long.
SELECT a.pid,
       coalesce(nullif(a.application_name, ''), '-') AS application,
       coalesce(a.state, '-') AS state,
       extract(epoch FROM now() - coalesce(a.xact_start, a.query_start, a.backend_start))::bigint AS age_s,
       left(regexp_replace(coalesce(a.query, ''), '\s+', ' ', 'g'), 200) AS query
FROM pg_stat_activity a
WHERE a.pid = ANY (pg_blocking_pids(?))
ORDER BY a.pid
