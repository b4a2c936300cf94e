-- expect: validate-in-same-transaction
alter table shop.order_items add constraint order_items_quantity_positive check (quantity > 0) not valid;
alter table shop.order_items validate constraint order_items_quantity_positive;
