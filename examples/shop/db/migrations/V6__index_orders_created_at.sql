-- Built without blocking writes to orders. CONCURRENTLY cannot run in a transaction, so this
-- statement has a file of its own; keel runs it without one and cleans up an INVALID index left
-- by an interrupted build before it retries.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
