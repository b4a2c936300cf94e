-- expect: enum-add-value-in-transaction
ALTER TYPE order_status ADD VALUE 'shipped' AFTER 'paid';
UPDATE orders SET status = 'shipped' WHERE status = 'paid' AND shipped_at IS NOT NULL;
