-- As replicas.sql, and the replicas keel made (keel replica create) that are not connected, with the WAL their slot
-- keeps: one statement, asked only where keel's replica registry exists.
select r.application_name as name,
       true as connected,
       case when pg_is_in_recovery() then null
            else pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn) end::float8 as lag_bytes,
       extract(epoch from r.replay_lag)::float8 as lag_seconds,
       s.slot_name,
       case when pg_is_in_recovery() then null
            else pg_wal_lsn_diff(pg_current_wal_lsn(), s.restart_lsn) end::float8 as retained_bytes,
       k.name is not null as keel
from pg_stat_replication r
left join pg_replication_slots s on s.active_pid = r.pid
left join ${replicas} k on k.name = r.application_name
where r.application_name is distinct from ?
union all
select k.name,
       false,
       null,
       null,
       s.slot_name,
       case when pg_is_in_recovery() then null
            else pg_wal_lsn_diff(pg_current_wal_lsn(), s.restart_lsn) end::float8,
       true
from ${replicas} k
left join pg_replication_slots s on s.slot_name = k.slot_name
where not exists (select 1 from pg_stat_replication r where r.application_name = k.name)
  and not pg_is_in_recovery()
