/* keel advise */ SELECT n.n_tup_ins - o.n_tup_ins AS inserts, n.n_tup_upd - o.n_tup_upd AS updates, n.n_tup_del - o.n_tup_del AS deletes,
       extract(epoch FROM sn.taken_at - so.taken_at) AS seconds
FROM ${schema}.stat_table n
JOIN ${schema}.stat_table o ON o.relid = n.relid AND o.snapshot_id = ?
JOIN ${schema}.stat_snapshot sn ON sn.id = n.snapshot_id
JOIN ${schema}.stat_snapshot so ON so.id = o.snapshot_id
WHERE n.snapshot_id = ? AND n.schema_name = ? AND n.table_name = ?
