-- expect: reindex-without-concurrently
REINDEX (CONCURRENTLY false) TABLE orders;
