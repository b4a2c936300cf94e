/* keel stats */ INSERT INTO ${schema}.stat_index (snapshot_id, indexrelid, relid, schema_name, table_name, index_name, idx_scan,
    idx_tup_read, idx_tup_fetch)
SELECT ?, indexrelid, relid, schemaname, relname, indexrelname, idx_scan, idx_tup_read, idx_tup_fetch
FROM pg_stat_user_indexes
WHERE schemaname <> ?
