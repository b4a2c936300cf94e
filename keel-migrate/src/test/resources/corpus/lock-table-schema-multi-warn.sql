-- expect: lock-table
lock table only shop.orders, shop.order_items in share row exclusive mode;
