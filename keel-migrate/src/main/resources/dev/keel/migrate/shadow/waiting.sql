-- Whether a backend waits for a lock of any kind (a relation, another transaction's id): a statement
-- outside a transaction that waits still holds what it took so far.
SELECT EXISTS (SELECT FROM pg_locks WHERE pid = ? AND NOT granted)
