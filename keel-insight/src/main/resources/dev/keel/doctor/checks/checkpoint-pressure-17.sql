/* keel doctor: checkpoint-pressure, PostgreSQL 17 and newer: the counters moved to pg_stat_checkpointer. */
SELECT c.num_timed AS timed, c.num_requested AS requested, c.stats_reset,
       extract(epoch FROM now() - c.stats_reset) AS counting_seconds,
       current_setting('max_wal_size') AS max_wal_size, current_setting('checkpoint_timeout') AS checkpoint_timeout
FROM pg_stat_checkpointer c
