-- expect: vacuum-full
VACUUM FULL VERBOSE orders, order_items;
