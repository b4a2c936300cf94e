/* keel stats */ SELECT pid, query_start, query_id, query
FROM pg_stat_activity
WHERE datname = current_database()
  AND state = 'active'
  AND backend_type = 'client backend'
  AND pid <> pg_backend_pid()
  -- NULL when compute_query_id is off, or for other users' sessions without pg_read_all_stats.
  AND query_id IS NOT NULL
  AND query NOT LIKE '/* keel%'
