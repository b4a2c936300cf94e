-- The standbys and WAL receivers this server sends to, with their lag. On a standby there is no current WAL
-- position of its own, so the byte lag is left unknown there.
SELECT application_name, client_addr::text AS client, state, sync_state,
       CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) END AS lag_bytes,
       extract(epoch FROM write_lag) AS write_lag_s,
       extract(epoch FROM flush_lag) AS flush_lag_s,
       extract(epoch FROM replay_lag) AS replay_lag_s
FROM pg_stat_replication
ORDER BY application_name, pid
LIMIT 100
