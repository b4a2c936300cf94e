-- expect: renaming-column
ALTER TABLE orders RENAME COLUMN status TO state;
