select pg_is_in_recovery() as in_recovery, coalesce(pg_last_wal_replay_lsn()::text, '') as replay_lsn
