-- wait_for_archive = false: keel copies the WAL the backup needs itself, archiving or not.
select lsn::text as lsn, pg_walfile_name(lsn) as wal_file, labelfile, spcmapfile from pg_backup_stop(false)
