-- Every lock an application session of this run is waiting for, with how long it has waited so far
-- (pg_locks.waitstart, PostgreSQL 14+) and who holds it up.
SELECT a.pid,
       a.application_name,
       l.locktype,
       l.mode,
       coalesce(l.relation::regclass::text, '') AS relation,
       l.waitstart::text AS wait_started,
       (extract(epoch FROM clock_timestamp() - l.waitstart) * 1000000)::bigint AS waited_us,
       pg_blocking_pids(a.pid)::text AS blocked_by,
       left(regexp_replace(coalesce(a.query, ''), '\s+', ' ', 'g'), 200) AS query
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE NOT l.granted
  AND l.waitstart IS NOT NULL
  AND a.application_name LIKE ?
