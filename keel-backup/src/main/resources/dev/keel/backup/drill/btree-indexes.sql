-- Every valid btree index that bt_index_check can read: temporary ones belong to other sessions.
select c.oid, n.nspname, c.relname
from pg_index i
join pg_class c on c.oid = i.indexrelid
join pg_namespace n on n.oid = c.relnamespace
join pg_am am on am.oid = c.relam
where am.amname = 'btree'
  and i.indisvalid
  and i.indisready
  and c.relpersistence <> 't'
order by 2, 3
