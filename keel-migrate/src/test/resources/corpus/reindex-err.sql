-- expect: reindex-without-concurrently
REINDEX INDEX orders_status_idx;
