\set uid random(1, 100000)
SELECT id, country FROM users WHERE email = 'user' || :uid || '@example.com';
