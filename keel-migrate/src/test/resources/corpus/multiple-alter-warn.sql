-- expect: multiple-alter-table
ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ADD COLUMN tag text;
