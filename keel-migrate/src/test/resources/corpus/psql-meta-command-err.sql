-- expect: unparseable-sql
\set ON_ERROR_STOP on
ALTER TABLE orders ADD COLUMN note text;
