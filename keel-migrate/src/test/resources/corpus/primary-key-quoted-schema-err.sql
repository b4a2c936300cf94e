-- expect: disallowed-unique-constraint
ALTER TABLE "shop"."order_items" ADD CONSTRAINT order_items_pkey PRIMARY KEY (order_id, product_id);
