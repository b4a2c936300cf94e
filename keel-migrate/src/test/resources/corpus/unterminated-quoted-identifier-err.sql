-- expect: unparseable-sql
ALTER TABLE "Orders ADD COLUMN note text;
