-- On the standby: still in recovery, and whether its WAL receiver streams from the primary.
select pg_is_in_recovery() as in_recovery,
       pg_last_wal_replay_lsn()::text as replay_lsn,
       (select status from pg_stat_wal_receiver) as receiver
