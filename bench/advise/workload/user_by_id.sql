\set uid random(1, 100000)
SELECT id, email, country FROM users WHERE id = :uid;
