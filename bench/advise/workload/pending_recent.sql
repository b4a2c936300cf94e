SELECT count(*) FROM orders WHERE status = 'pending' AND created_at > now() - interval '1 day';
