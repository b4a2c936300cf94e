/* keel doctor: table-growth. Whether keel's snapshots record table sizes yet. */
SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'total_bytes') AS sized
