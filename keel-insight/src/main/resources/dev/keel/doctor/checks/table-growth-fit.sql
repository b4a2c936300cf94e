/* keel doctor: table-growth. Growth per day of each table, fitted over the stored snapshots. */
SELECT relid, count(*) AS points, max(at) - min(at) AS span_seconds,
       regr_slope(total_bytes, at) * 86400 AS bytes_per_day,
       regr_slope(n_live_tup, at) * 86400 AS rows_per_day
FROM (
    SELECT t.relid, extract(epoch FROM s.taken_at) AS at, t.total_bytes, t.n_live_tup
    FROM ${schema}.stat_table t
    JOIN ${schema}.stat_snapshot s ON s.id = t.snapshot_id
    WHERE s.taken_at > now() - make_interval(secs => ?) AND t.total_bytes IS NOT NULL
) history
GROUP BY relid
