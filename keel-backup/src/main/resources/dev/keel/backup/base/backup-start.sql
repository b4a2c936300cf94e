-- Non-exclusive backup with an immediate checkpoint; it lasts as long as this session.
select l::text as lsn, pg_walfile_name(l) as wal_file from pg_backup_start(?, true) as l
