\set c random(0, 19)
SELECT id, name, price_cents FROM products WHERE category = 'category ' || :c ORDER BY price_cents LIMIT 10;
