-- expect: lock-table
LOCK TABLE orders IN SHARE MODE;
