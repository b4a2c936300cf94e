-- 100,000 users, 10,000 products in 20 categories, 1,000,000 orders over the last year (1 % of them
-- pending, mostly recent), 2,000,000 order items. Deterministic: setseed() first.
SELECT setseed(0.42);
INSERT INTO users (email, country, created_at)
SELECT 'user' || g || '@example.com', (ARRAY['DE', 'FR', 'US', 'GB', 'NL', 'SE'])[1 + g % 6], now() - (g % 365) * interval '1 day'
FROM generate_series(1, 100000) g;
INSERT INTO products (name, category, price_cents)
SELECT 'product ' || g, 'category ' || (g % 20), 100 + (g * 37) % 10000
FROM generate_series(1, 10000) g;
INSERT INTO orders (user_id, status, total_cents, created_at)
SELECT 1 + (random() * 99999)::bigint,
       CASE WHEN g % 100 = 0 THEN 'pending' WHEN g % 10 = 1 THEN 'cancelled' ELSE 'shipped' END,
       (random() * 50000)::integer,
       CASE WHEN g % 100 = 0 THEN now() - random() * interval '2 days' ELSE now() - random() * interval '365 days' END
FROM generate_series(1, 1000000) g;
INSERT INTO order_items (order_id, product_id, quantity, price_cents)
SELECT 1 + (g - 1) / 2, 1 + (random() * 9999)::bigint, 1 + (g % 3), 100 + (g * 13) % 5000
FROM generate_series(1, 2000000) g;
VACUUM ANALYZE;
