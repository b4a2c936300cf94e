-- Both replay functions keep their last values after promotion: where and when recovery stopped.
select pg_last_wal_replay_lsn()::text      as replay_lsn,
       pg_last_xact_replay_timestamp()     as replay_time,
       pg_walfile_name(pg_current_wal_lsn()) as wal_file,
       current_setting('server_version')    as server_version
