-- expect: none
UPDATE orders SET status = 'cancelled' WHERE id = 42;
