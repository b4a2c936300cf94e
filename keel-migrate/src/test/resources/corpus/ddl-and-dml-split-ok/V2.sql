UPDATE orders SET archived = false WHERE id < 1000 AND archived IS NULL;
