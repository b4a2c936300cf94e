-- expect: unparseable-sql
ALTER TABLE products ADD COLUMN gender text;
