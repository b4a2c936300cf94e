/* keel doctor: replication-lag. On a primary: each connected standby or WAL receiver, how far behind
   it is in bytes and in time. replay_lag is null for clients that do not replay (pg_receivewal), so
   the byte distance falls back to what the client has flushed. */
SELECT r.pid, r.application_name, r.client_addr::text AS client, r.state, r.sync_state,
       pg_wal_lsn_diff(pg_current_wal_lsn(), coalesce(r.replay_lsn, r.flush_lsn, r.write_lsn)) AS lag_bytes,
       extract(epoch FROM coalesce(r.replay_lag, r.flush_lag, r.write_lag)) AS lag_seconds,
       extract(epoch FROM now() - r.reply_time) AS since_reply_seconds
FROM pg_stat_replication r
WHERE NOT pg_is_in_recovery()
ORDER BY lag_bytes DESC NULLS LAST
