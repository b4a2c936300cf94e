-- expect: renaming-table
ALTER TABLE legacy_orders SET SCHEMA archive;
