/* keel doctor: replication-lag, on a standby: how old the last replayed transaction is. It also grows
   when the primary is idle, so the byte distance decides whether the standby is really behind. */
SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp()) AS replay_age_seconds,
       pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS unreplayed_bytes
WHERE pg_is_in_recovery()
