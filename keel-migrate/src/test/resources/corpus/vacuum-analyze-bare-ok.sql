-- expect: none
VACUUM VERBOSE ANALYZE orders, order_items;
