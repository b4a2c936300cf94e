/* keel doctor: connection-saturation. Client connections by state against the connections a
   non-superuser may open (max_connections less the superuser reserve). */
SELECT count(*) FILTER (WHERE backend_type = 'client backend') AS used,
       count(*) FILTER (WHERE backend_type = 'client backend' AND state = 'active') AS active,
       count(*) FILTER (WHERE backend_type = 'client backend' AND state = 'idle') AS idle,
       count(*) FILTER (WHERE backend_type = 'client backend' AND state LIKE 'idle in transaction%') AS idle_in_transaction,
       current_setting('max_connections')::int AS max_connections,
       current_setting('superuser_reserved_connections')::int AS superuser_reserved
FROM pg_stat_activity
