-- expect: update-or-delete-without-where
UPDATE orders SET status = lower(status);
