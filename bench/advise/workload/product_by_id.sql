\set pid random(1, 10000)
SELECT name, category, price_cents FROM products WHERE id = :pid;
