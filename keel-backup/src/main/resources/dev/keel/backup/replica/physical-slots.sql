-- Physical slots and the WAL each keeps on the primary.
select slot_name,
       active,
       restart_lsn::text as restart_lsn,
       pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint as retained_bytes
from pg_replication_slots
where slot_type = 'physical'
