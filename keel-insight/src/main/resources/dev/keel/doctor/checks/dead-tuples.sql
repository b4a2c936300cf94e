/* keel doctor: dead-tuples. Tables with many dead rows and when (auto)vacuum last cleaned them. */
SELECT t.schemaname AS schema_name, t.relname AS table_name, t.n_live_tup AS live_rows, t.n_dead_tup AS dead_rows,
       t.last_autovacuum, t.last_vacuum,
       extract(epoch FROM now() - greatest(t.last_autovacuum, t.last_vacuum)) AS since_vacuum_seconds,
       t.autovacuum_count, pg_table_size(t.relid) AS table_bytes,
       coalesce((SELECT o.option_value FROM pg_options_to_table(c.reloptions) o WHERE o.option_name = 'autovacuum_enabled'),
                current_setting('autovacuum')) AS autovacuum_enabled
FROM pg_stat_user_tables t
JOIN pg_class c ON c.oid = t.relid
WHERE t.n_dead_tup >= ?
ORDER BY t.n_dead_tup DESC
LIMIT 20
