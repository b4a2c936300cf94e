INSERT INTO users (email, name) VALUES
    ('ada@example.com', 'Ada Lovelace'),
    ('grace@example.com', 'Grace Hopper'),
    ('edsger@example.com', 'Edsger Dijkstra');

INSERT INTO products (sku, name, price_cents) VALUES
    ('KB-01', 'Mechanical keyboard', 12900),
    ('MS-02', 'Trackball', 5900),
    ('MN-27', '27" monitor', 32900);

INSERT INTO orders (user_id, status, created_at)
SELECT u.id, s.status, now() - s.age
FROM users u
CROSS JOIN (VALUES ('paid', interval '3 days'), ('shipped', interval '10 days')) AS s (status, age);

INSERT INTO order_items (order_id, product_id, quantity, price_cents)
SELECT o.id, p.id, 1 + (o.id + p.id) % 3, p.price_cents
FROM orders o
JOIN products p ON (o.id + p.id) % 2 = 0;
