-- Every projection keel keeps, in one statement however many there are (the limit bounds a scrape's series). The age
-- runs from the last refresh, or from creation until the first one, as the doctor's projection-staleness check
-- counts it. A counter's stripes are not counted: pg_stat_get_live_tuples reads the statistics' estimate, and the
-- stripes table is found through the catalog, which needs no privilege on the counter's schema.
select p.schema_name, p.name, p.kind, p.state,
       (p.definition ->> 'refreshSeconds')::float8 as refresh_seconds,
       extract(epoch from now() - coalesce(p.last_refreshed, p.created_on))::float8 as age_seconds,
       p.last_refreshed, p.last_compacted, p.last_verified,
       pg_stat_get_live_tuples(s.oid)::float8 as stripe_rows
from ${projections} p
left join pg_namespace n on p.kind = 'counter' and n.nspname = p.schema_name
left join pg_class s on s.relnamespace = n.oid and s.relname = p.name || '_stripes' and s.relkind = 'r'
order by p.schema_name, p.name
limit 1000
