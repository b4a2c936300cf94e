-- expect: none
-- pg: 12
ALTER TYPE order_status ADD VALUE 'refunded';
