/* keel advise */ SELECT t.n_tup_ins + t.n_tup_upd + t.n_tup_del AS writes,
       -- The counters run since the database's statistics were last reset, or since the server started.
       extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time())) AS seconds,
       c.reltuples::bigint AS estimated_rows
FROM pg_stat_user_tables t
JOIN pg_class c ON c.oid = t.relid
CROSS JOIN pg_stat_database d
WHERE d.datname = current_database() AND t.schemaname = ? AND t.relname = ?
