-- expect: update-or-delete-without-where
UPDATE orders SET region = 'eu';
