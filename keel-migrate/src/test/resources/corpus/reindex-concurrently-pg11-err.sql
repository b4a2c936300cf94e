-- expect: reindex-without-concurrently
-- pg: 11
-- REINDEX … CONCURRENTLY exists since 12: on 11 it is a syntax error and the migration fails.
REINDEX INDEX CONCURRENTLY orders_status_idx;
