UPDATE orders SET status = 'shipped' WHERE status = 'paid' AND shipped_at IS NOT NULL;
