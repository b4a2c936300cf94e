-- expect: changing-table-persistence
ALTER TABLE page_views SET UNLOGGED;
