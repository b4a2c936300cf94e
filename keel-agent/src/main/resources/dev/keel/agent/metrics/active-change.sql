-- The change in flight with its backfill summed over its tables: one row, however many tables it rewrites.
select s.version, s.phase, extract(epoch from s.started_on)::float8 as started,
       coalesce(sum(b.rows_done), 0)::float8 as rows_done,
       coalesce(sum(b.rows_total), 0)::float8 as rows_total,
       count(b.table_name)::float8 as tables,
       count(b.table_name) filter (where b.done)::float8 as tables_done
from ${state} s
left join ${backfill} b on b.version = s.version
group by s.version, s.phase, s.started_on
order by s.started_on
limit 1
