/* keel doctor: checkpoint-pressure, PostgreSQL 16 and older: the counters live in pg_stat_bgwriter. */
SELECT b.checkpoints_timed AS timed, b.checkpoints_req AS requested, b.stats_reset,
       extract(epoch FROM now() - b.stats_reset) AS counting_seconds,
       current_setting('max_wal_size') AS max_wal_size, current_setting('checkpoint_timeout') AS checkpoint_timeout
FROM pg_stat_bgwriter b
