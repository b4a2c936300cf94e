-- What keel replica create must know of the primary before it creates anything.
select pg_is_in_recovery() as in_recovery,
       current_setting('server_version_num')::int as version_num,
       current_setting('server_version') as version,
       current_setting('wal_level') as wal_level,
       current_setting('max_wal_senders')::int as max_wal_senders,
       current_setting('max_replication_slots')::int as max_replication_slots,
       current_user as role,
       (select rolsuper or rolreplication from pg_roles where rolname = current_user) as may_replicate
