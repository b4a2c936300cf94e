-- expect: require-concurrent-index-deletion
DROP INDEX orders_status_idx;
