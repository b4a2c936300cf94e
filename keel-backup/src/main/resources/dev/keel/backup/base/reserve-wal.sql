-- A temporary physical slot that reserves WAL at once: nothing the backup needs is recycled before
-- keel has copied it, and the slot vanishes with this session, also when keel is killed.
select pg_create_physical_replication_slot(?, true, true)
