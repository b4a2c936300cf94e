-- expect: setting-tablespace
alter table if exists analytics.page_views set tablespace archive_hdd;
