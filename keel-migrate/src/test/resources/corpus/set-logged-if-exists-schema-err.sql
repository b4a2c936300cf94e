-- expect: changing-table-persistence
alter table if exists analytics.events set logged;
