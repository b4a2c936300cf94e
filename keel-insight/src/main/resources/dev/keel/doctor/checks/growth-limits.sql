/* keel doctor: table-growth. The memory a table should fit in, and what autovacuum's cost limits let it read per second. */
WITH s AS (SELECT name, setting::float8 AS value FROM pg_settings
           WHERE name IN ('autovacuum_vacuum_cost_limit', 'vacuum_cost_limit', 'autovacuum_vacuum_cost_delay',
                          'vacuum_cost_delay', 'vacuum_cost_page_miss'))
SELECT pg_size_bytes(current_setting('effective_cache_size')) AS cache_bytes,
       current_setting('block_size')::bigint AS block_size,
       (SELECT CASE WHEN a.value > 0 THEN a.value ELSE v.value END
        FROM s a, s v WHERE a.name = 'autovacuum_vacuum_cost_limit' AND v.name = 'vacuum_cost_limit') AS cost_limit,
       (SELECT CASE WHEN a.value >= 0 THEN a.value ELSE v.value END
        FROM s a, s v WHERE a.name = 'autovacuum_vacuum_cost_delay' AND v.name = 'vacuum_cost_delay') AS cost_delay_ms,
       (SELECT value FROM s WHERE name = 'vacuum_cost_page_miss') AS page_miss_cost,
       (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_stat_statements') AS statements_schema
