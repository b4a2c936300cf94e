/* keel doctor: inactive-replication-slots. Slots nobody consumes, with the WAL each keeps on disk. */
SELECT s.slot_name, s.slot_type, s.database, s.wal_status,
       pg_wal_lsn_diff(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END, s.restart_lsn)
           AS retained_bytes
FROM pg_replication_slots s
WHERE NOT s.active
ORDER BY retained_bytes DESC NULLS LAST
