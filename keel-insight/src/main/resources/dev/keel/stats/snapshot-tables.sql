/* keel stats */ INSERT INTO ${schema}.stat_table (snapshot_id, relid, schema_name, table_name, seq_scan, seq_tup_read, idx_scan,
    idx_tup_fetch, n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd, n_live_tup, n_dead_tup, table_bytes, total_bytes)
SELECT ?, relid, schemaname, relname, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins, n_tup_upd, n_tup_del,
       n_tup_hot_upd, n_live_tup, n_dead_tup, pg_table_size(relid), pg_total_relation_size(relid)
FROM pg_stat_user_tables
WHERE schemaname <> ?
