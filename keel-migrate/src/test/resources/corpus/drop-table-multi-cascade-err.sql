-- expect: dropping-table
DROP TABLE IF EXISTS legacy_carts, legacy_cart_items CASCADE;
