-- How many snapshots a window holds: the statements chart keeps every n-th of them.
SELECT count(*) FROM ${schema}.stat_snapshot WHERE taken_at >= ? AND taken_at <= ?
