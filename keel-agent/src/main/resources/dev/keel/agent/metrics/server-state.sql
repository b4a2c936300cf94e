-- One row about the server as a whole: is it a replica, how far behind its primary, how far keel's WAL receiver is
-- behind it, and whether keel's change tables and its projection and partition set registries exist (so their queries
-- are only sent when they can succeed), and keel's replica registry.
-- pg_current_wal_lsn() fails on a standby: every use sits behind a CASE on pg_is_in_recovery().
select pg_is_in_recovery() as is_replica,
       case when not pg_is_in_recovery() then 0
            when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
            else greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp()))
       end::float8 as lag_seconds,
       greatest(0, extract(epoch from now() - pg_last_xact_replay_timestamp()))::float8 as last_replay_seconds,
       stream.connected,
       stream.lag_bytes,
       stream.flush_lag_seconds,
       to_regclass(?) is not null and to_regclass(?) is not null as change_tables,
       to_regclass(?) is not null as projections,
       to_regclass(?) is not null as partition_sets,
       to_regclass(?) is not null as replicas
from (select 1) one
left join lateral (
    select true as connected,
           case when pg_is_in_recovery() then null
                else pg_wal_lsn_diff(pg_current_wal_lsn(), r.flush_lsn)::float8 end as lag_bytes,
           coalesce(extract(epoch from r.flush_lag), 0)::float8 as flush_lag_seconds
    from pg_stat_replication r
    where r.application_name = ? and r.state = 'streaming'
    order by r.flush_lsn desc nulls last
    limit 1
) stream on true
