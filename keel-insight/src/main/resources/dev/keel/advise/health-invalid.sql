/* keel advise */ SELECT n.nspname AS schema_name, t.relname AS table_name, ic.relname AS index_name, pg_relation_size(i.indexrelid) AS bytes
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE NOT i.indisvalid AND n.nspname NOT IN (?, 'keel_advise_scratch')
ORDER BY n.nspname, t.relname, ic.relname
