/* keel stats */ WITH pairs AS (
    SELECT n.queryid, n.userid, n.query, n.calls, n.total_exec_ms, n.rows, n.shared_blks_hit, n.shared_blks_read,
           n.temp_blks_read, n.temp_blks_written,
           o.queryid IS NOT NULL AS seen_before,
           o.calls AS o_calls, o.total_exec_ms AS o_total_exec_ms, o.rows AS o_rows, o.shared_blks_hit AS o_shared_blks_hit,
           o.shared_blks_read AS o_shared_blks_read, o.temp_blks_read AS o_temp_blks_read, o.temp_blks_written AS o_temp_blks_written
    FROM ${schema}.stat_statement n
    LEFT JOIN ${schema}.stat_statement o ON o.snapshot_id = ? AND o.queryid = n.queryid AND o.userid = n.userid
    WHERE n.snapshot_id = ?
), judged AS (
    -- A counter that went down means this entry was reset alone or evicted and counted anew: its
    -- current values are all that happened since, so it counts from zero instead of going negative.
    SELECT p.*,
           p.seen_before AND (p.calls < p.o_calls OR p.total_exec_ms < p.o_total_exec_ms OR p.rows < p.o_rows
               OR p.shared_blks_hit < p.o_shared_blks_hit OR p.shared_blks_read < p.o_shared_blks_read) AS went_down
    FROM pairs p
), deltas AS (
    SELECT j.queryid, j.userid, j.query, j.went_down,
           j.calls - CASE WHEN base THEN j.o_calls ELSE 0 END AS calls,
           j.total_exec_ms - CASE WHEN base THEN j.o_total_exec_ms ELSE 0 END AS total_exec_ms,
           j.rows - CASE WHEN base THEN j.o_rows ELSE 0 END AS rows,
           j.shared_blks_hit - CASE WHEN base THEN j.o_shared_blks_hit ELSE 0 END AS shared_blks_hit,
           j.shared_blks_read - CASE WHEN base THEN j.o_shared_blks_read ELSE 0 END AS shared_blks_read,
           j.temp_blks_read + j.temp_blks_written
               - CASE WHEN base THEN j.o_temp_blks_read + j.o_temp_blks_written ELSE 0 END AS temp_blks
    FROM judged j
    -- base: subtract the older snapshot; not when the whole window counts from zero (?), the
    -- statement is new, or its counters went down.
    CROSS JOIN LATERAL (SELECT NOT ?::boolean AND j.seen_before AND NOT j.went_down AS base) b
), active AS (
    SELECT d.*,
           sum(d.total_exec_ms) OVER () AS all_exec_ms,
           sum(d.calls) OVER () AS all_calls,
           count(*) OVER () AS all_statements
    FROM deltas d
    WHERE d.calls > 0
)
SELECT a.queryid, pg_get_userbyid(a.userid) AS user_name, a.query, a.calls, a.total_exec_ms, a.rows, a.shared_blks_hit,
       a.shared_blks_read, a.temp_blks, a.went_down, a.all_exec_ms, a.all_calls, a.all_statements,
       (SELECT count(*) FROM judged j WHERE j.went_down) AS went_down_statements
FROM active a
ORDER BY ${order} DESC, a.total_exec_ms DESC, a.queryid
LIMIT ?
