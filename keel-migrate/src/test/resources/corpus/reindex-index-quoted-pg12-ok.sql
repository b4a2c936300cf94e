-- expect: none
-- pg: 12
REINDEX INDEX CONCURRENTLY shop."Orders_created_at_idx";
