\set uid random(1, 100000)
INSERT INTO orders (user_id, status, total_cents) VALUES (:uid, 'pending', 1999);
