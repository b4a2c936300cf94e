-- Sessions per database and state, with a zero for every state nobody is in, as postgres_exporter reports them.
select d.datname, s.state, coalesce(a.sessions, 0)::float8 as sessions, coalesce(a.max_tx_duration, 0)::float8 as max_tx_duration
from pg_database d
cross join (values ('active'), ('idle'), ('idle in transaction'), ('idle in transaction (aborted)'),
                   ('fastpath function call'), ('disabled')) as s(state)
left join (
    select datname, state, count(*) as sessions, max(extract(epoch from now() - xact_start)) as max_tx_duration
    from pg_stat_activity
    group by datname, state
) a on a.datname = d.datname and a.state = s.state
order by d.datname, s.state
