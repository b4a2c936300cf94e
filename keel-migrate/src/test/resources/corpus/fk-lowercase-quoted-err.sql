-- expect: constraint-missing-not-valid, foreign-key-without-index
alter table "order_items" add constraint order_items_product_fk foreign key (product_id) references products (id);
