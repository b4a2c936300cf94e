\set uid random(1, 100000)
SELECT id, status, total_cents, created_at FROM orders WHERE user_id = :uid ORDER BY created_at DESC LIMIT 20;
