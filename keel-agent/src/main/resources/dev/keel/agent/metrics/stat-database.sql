-- Every column, as postgres_exporter reads these views, so the columns a newer server adds come along too. The
-- conflicts view rides along in the same statement: its columns follow the marker column. It has no row for
-- shared objects (datid 0), whose conflict columns are null here and are left out.
select d.*, null::int as keel_conflicts_from, c.*
from pg_stat_database d
left join pg_stat_database_conflicts c on c.datid = d.datid
