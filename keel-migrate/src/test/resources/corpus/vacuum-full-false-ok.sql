-- expect: none
VACUUM (FULL false, ANALYZE) order_items;
