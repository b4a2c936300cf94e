-- The chosen statements' execution time between consecutive snapshots of the window, for the statements chart.
-- Every ?-th snapshot only (the newest always), so a week of 5-minute snapshots stays a few hundred points; the
-- counters are cumulative, so a skipped snapshot loses nothing. The primary key (snapshot_id, queryid, userid)
-- finds each statement's row: no scan of a snapshot's other statements.
WITH chosen AS (
    SELECT id, taken_at
    FROM (SELECT s.id, s.taken_at, row_number() OVER (ORDER BY s.taken_at DESC, s.id DESC) - 1 AS back
          FROM ${schema}.stat_snapshot s
          WHERE s.taken_at >= ? AND s.taken_at <= ?) n
    WHERE n.back % ? = 0
), per AS (
    SELECT st.snapshot_id, st.queryid, sum(st.total_exec_ms) AS total_ms
    FROM chosen c
    JOIN ${schema}.stat_statement st ON st.snapshot_id = c.id AND st.queryid = ANY (?)
    GROUP BY st.snapshot_id, st.queryid
), grid AS (
    -- Every statement at every snapshot, so a statement missing from one snapshot has a row there too.
    SELECT c.id, c.taken_at, q.queryid FROM chosen c CROSS JOIN unnest(?::bigint[]) AS q(queryid)
)
SELECT g.id, g.taken_at, g.queryid, p.total_ms,
       lag(p.total_ms) OVER w AS previous_ms,
       row_number() OVER w AS n
FROM grid g
LEFT JOIN per p ON p.snapshot_id = g.id AND p.queryid = g.queryid
WINDOW w AS (PARTITION BY g.queryid ORDER BY g.taken_at, g.id)
ORDER BY g.taken_at, g.id
