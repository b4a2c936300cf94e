-- Every slot with its retained WAL; safe_wal_size and wal_status exist from PostgreSQL 13.
select slot_name, slot_type, coalesce(database, '') as database, active,
       case when pg_is_in_recovery() then pg_wal_lsn_diff(pg_last_wal_receive_lsn(), restart_lsn)
            else pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) end::float8 as retained_bytes,
       case when pg_is_in_recovery() then pg_wal_lsn_diff(pg_last_wal_receive_lsn(), '0/0')
            else pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0') end::float8 as current_wal_lsn,
       pg_wal_lsn_diff(coalesce(confirmed_flush_lsn, '0/0'), '0/0')::float8 as confirmed_flush_lsn,
       ${safe_wal_size}::float8 as safe_wal_size,
       ${wal_status}::text as wal_status
from pg_replication_slots
order by slot_name
