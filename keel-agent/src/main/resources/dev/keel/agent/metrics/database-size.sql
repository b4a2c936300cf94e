-- pg_database_size() needs CONNECT on the database (or pg_read_all_stats): a database the role may not see is left
-- out rather than failing the whole query.
select datname,
       case when has_database_privilege(oid, 'CONNECT') or pg_has_role('pg_read_all_stats', 'member')
            then pg_database_size(oid)::float8 end as size_bytes
from pg_database
order by datname
