/* keel advise */ SELECT t.n_tup_ins AS inserts, t.n_tup_upd AS updates, t.n_tup_del AS deletes,
       -- The counters run since the database's statistics were last reset, or since the server started.
       extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time())) AS seconds
FROM pg_stat_user_tables t
CROSS JOIN pg_stat_database d
WHERE d.datname = current_database() AND t.schemaname = ? AND t.relname = ?
