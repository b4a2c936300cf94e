/* keel doctor: projection-staleness. Each summary and materialized view keel refreshes, with its age. */
SELECT schema_name, name, kind, state, (definition ->> 'refreshSeconds')::float8 AS refresh_seconds,
       last_refreshed, created_on,
       extract(epoch FROM now() - coalesce(last_refreshed, created_on)) AS age_seconds
FROM ${projections}
WHERE (definition ->> 'refreshSeconds')::float8 > 0
ORDER BY extract(epoch FROM now() - coalesce(last_refreshed, created_on)) / (definition ->> 'refreshSeconds')::float8 DESC
LIMIT 50
