-- expect: require-concurrent-index-creation
create index if not exists orders_customer_id_idx on shop.orders using btree (customer_id);
