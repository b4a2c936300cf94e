-- The standbys streaming from this server, each with the WAL its slot keeps. pg_current_wal_lsn() fails on a standby:
-- every use sits behind pg_is_in_recovery().
select r.application_name as name,
       true as connected,
       case when pg_is_in_recovery() then null
            else pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn) end::float8 as lag_bytes,
       extract(epoch from r.replay_lag)::float8 as lag_seconds,
       s.slot_name,
       case when pg_is_in_recovery() then null
            else pg_wal_lsn_diff(pg_current_wal_lsn(), s.restart_lsn) end::float8 as retained_bytes,
       false as keel
from pg_stat_replication r
left join pg_replication_slots s on s.active_pid = r.pid
where r.application_name is distinct from ?
