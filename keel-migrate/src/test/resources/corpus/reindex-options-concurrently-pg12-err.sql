-- expect: reindex-without-concurrently
-- pg: 12
-- The parenthesised CONCURRENTLY option counts only since PostgreSQL 14 (docs/checks/reindex-without-concurrently.md).
REINDEX (CONCURRENTLY) TABLE orders;
