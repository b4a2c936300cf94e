-- The standbys connected to this primary, each with the physical slot it streams through, if any.
select r.application_name,
       r.client_addr::text as client,
       r.state,
       r.sync_state,
       r.replay_lsn::text as replay_lsn,
       pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn)::bigint as lag_bytes,
       extract(epoch from r.replay_lag)::float8 as lag_seconds,
       s.slot_name
from pg_stat_replication r
left join pg_replication_slots s on s.active_pid = r.pid
order by r.application_name, r.pid
