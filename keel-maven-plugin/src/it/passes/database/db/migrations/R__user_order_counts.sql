create or replace view user_order_counts as
select u.id, count(o.id) as orders from users u left join orders o on o.user_id = u.id group by u.id;
