-- expect: setting-not-null
ALTER TABLE orders
    ALTER COLUMN customer_id SET NOT NULL,
    ALTER COLUMN total_cents SET NOT NULL;
