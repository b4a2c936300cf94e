-- The blocks one summary file records as modified, and each fork's limit block after a truncation.
select reltablespace::bigint, reldatabase::bigint, relfilenode::bigint, relforknumber::int, relblocknumber::bigint, is_limit_block
from pg_wal_summary_contents(?, ?::pg_lsn, ?::pg_lsn)
