/* keel stats */ INSERT INTO ${schema}.stat_snapshot (taken_at, server_started_at, statements_reset_at, tables_reset_at, server_version)
SELECT clock_timestamp(),
       pg_postmaster_start_time(),
       ${statements_reset},
       (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()),
       current_setting('server_version_num')::integer
RETURNING id, taken_at, server_started_at, statements_reset_at, tables_reset_at, server_version
