-- Plain permanent tables only: partitions are counted themselves, so counting a partitioned parent
-- would count their rows twice; unlogged tables come back empty from any backup.
select n.nspname, c.relname
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
where c.relkind = 'r'
  and c.relpersistence = 'p'
  and n.nspname not in ('pg_catalog', 'information_schema')
  and n.nspname not like 'pg\_toast%'
  and n.nspname not like 'pg\_temp%'
order by 1, 2
