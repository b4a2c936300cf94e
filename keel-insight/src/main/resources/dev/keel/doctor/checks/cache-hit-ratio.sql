/* keel doctor: cache-hit-ratio. Shared buffer hits and reads of this database since its statistics were reset. */
SELECT d.datname AS database, d.blks_hit, d.blks_read, d.stats_reset,
       current_setting('shared_buffers') AS shared_buffers
FROM pg_stat_database d
WHERE d.datname = current_database()
