-- Replication slots and the WAL each holds back: an inactive slot keeps WAL until the disk fills.
SELECT slot_name, slot_type, database, active, wal_status,
       CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) END AS retained_bytes
FROM pg_replication_slots
ORDER BY slot_name
LIMIT 100
