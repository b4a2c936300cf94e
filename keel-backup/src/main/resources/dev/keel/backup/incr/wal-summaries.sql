-- The WAL summary files on one timeline; each covers the WAL from start_lsn up to end_lsn.
select start_lsn::text, end_lsn::text from pg_available_wal_summaries() where tli = ? order by start_lsn
