-- expect: none
-- pg: 15
REINDEX (VERBOSE, CONCURRENTLY) INDEX orders_status_idx;
