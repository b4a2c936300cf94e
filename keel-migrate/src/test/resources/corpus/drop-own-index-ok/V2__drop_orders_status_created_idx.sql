-- The index was built by V1 and no release relies on it yet.
DROP INDEX orders_status_created_idx;
