/* keel advise */ WITH absent AS (
    -- The newest snapshot without the index: it was created after it, so its scans count from its first appearance on.
    SELECT max(s.taken_at) AS at FROM ${schema}.stat_snapshot s
    WHERE NOT EXISTS (SELECT 1 FROM ${schema}.stat_index x WHERE x.snapshot_id = s.id AND x.indexrelid = ?)
)
SELECT (SELECT at FROM absent) AS absent_at,
       -- The oldest snapshot that saw it with no scan, after which no reset can have hidden one.
       (SELECT min(s.taken_at) FROM ${schema}.stat_index x JOIN ${schema}.stat_snapshot s ON s.id = x.snapshot_id
        WHERE x.indexrelid = ? AND x.idx_scan = 0
          AND s.taken_at >= coalesce(?::timestamptz, '-infinity')
          AND s.taken_at > coalesce((SELECT at FROM absent), '-infinity')) AS zero_since
