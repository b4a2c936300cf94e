-- expect: enum-add-value-in-transaction
-- pg: 10
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'partially_refunded' AFTER 'paid';
