-- expect: enum-add-value-in-transaction
-- pg: 11
ALTER TYPE order_status ADD VALUE 'refunded';
