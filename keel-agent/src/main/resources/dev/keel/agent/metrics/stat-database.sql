-- Every column, as postgres_exporter reads this view, so the columns a newer server adds come along too.
select * from pg_stat_database
