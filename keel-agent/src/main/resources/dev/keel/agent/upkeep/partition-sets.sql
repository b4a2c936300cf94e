-- Every declared partition set in one row, however many partitions it has: its partitions counted from the catalog,
-- those that start after now (a time range set's partitions made ahead), and the rows of its default partition as the
-- statistics estimate them. No partition is read: a bound's lower end is taken from pg_get_expr's text, where only a
-- time key is quoted (an integer, MINVALUE and a list's values never match), and cast back with its own offset.
select s.schema_name, s.parent, s.strategy, s.key_column, s.key_type, s.part_interval, s.premake, s.retention,
       s.retention_action,
       p.oid is not null as parent_exists,
       count(k.oid) filter (where b.bound <> 'DEFAULT' and not ${pending}) as partitions,
       count(k.oid) filter (where not ${pending} and case s.key_type
           when 'TIMESTAMPTZ' then b.lower::timestamptz > now()
           when 'TIMESTAMP' then b.lower::timestamp > (now() at time zone 'UTC')
           when 'DATE' then b.lower::date > (now() at time zone 'UTC')
           else false end) as ahead,
       bool_or(b.bound = 'DEFAULT') as has_default,
       sum(pg_stat_get_live_tuples(k.oid)) filter (where b.bound = 'DEFAULT')::float8 as default_rows
from ${sets} s
left join pg_namespace n on n.nspname = s.schema_name
left join pg_class p on p.relnamespace = n.oid and p.relname = s.parent and p.relkind = 'p'
left join pg_inherits i on i.inhparent = p.oid
left join pg_class k on k.oid = i.inhrelid
left join lateral (
    select pg_get_expr(k.relpartbound, k.oid) as bound,
           (regexp_match(pg_get_expr(k.relpartbound, k.oid), '^FOR VALUES FROM \(''([^'']*)''\) TO'))[1] as lower
) b on true
group by s.schema_name, s.parent, s.strategy, s.key_column, s.key_type, s.part_interval, s.premake, s.retention,
         s.retention_action, p.oid
order by s.schema_name, s.parent
limit 1000
