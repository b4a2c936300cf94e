-- expect: none
-- pg: 12
ALTER TYPE SHOP.ORDER_STATUS ADD VALUE 'on_hold' BEFORE 'shipped';
