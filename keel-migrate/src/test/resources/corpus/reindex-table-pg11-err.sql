-- expect: reindex-without-concurrently
-- pg: 11
REINDEX TABLE orders;
