/* keel doctor: temp-spills. Temporary files written by sorts and hashes that outgrew work_mem in this
   database; a database never reset counts since it was created, approximated by the server's start. */
SELECT d.datname AS database, d.temp_files, d.temp_bytes, current_setting('work_mem') AS work_mem,
       coalesce(d.stats_reset, pg_postmaster_start_time()) AS counting_since,
       extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time())) AS counting_seconds
FROM pg_stat_database d
WHERE d.datname = current_database()
