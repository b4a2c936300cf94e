/* keel stats */ INSERT INTO ${schema}.stat_statement (snapshot_id, queryid, userid, query, calls, total_exec_ms, rows,
    shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written, temp_blks_read, temp_blks_written)
-- PostgreSQL 14+ keeps top-level and nested executions of one statement apart (column toplevel,
-- absent in 13): summing per queryid and user gives one row on every version.
SELECT ?, s.queryid, s.userid, min(s.query), sum(s.calls), sum(s.total_exec_time), sum(s.rows),
       sum(s.shared_blks_hit), sum(s.shared_blks_read), sum(s.shared_blks_dirtied), sum(s.shared_blks_written),
       sum(s.temp_blks_read), sum(s.temp_blks_written)
FROM ${pg_stat_statements} s
WHERE s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
  -- NULL for other users' statements when this user may not read all statistics.
  AND s.queryid IS NOT NULL
  -- keel's own statistics queries are not the product's load.
  AND s.query NOT LIKE '/* keel stats */%'
GROUP BY s.queryid, s.userid
