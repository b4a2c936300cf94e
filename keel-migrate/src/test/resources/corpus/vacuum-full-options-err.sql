-- expect: vacuum-full
VACUUM (FULL, ANALYZE, VERBOSE) order_items;
