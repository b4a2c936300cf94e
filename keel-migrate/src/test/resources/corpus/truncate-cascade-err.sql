-- expect: truncate
TRUNCATE TABLE ONLY carts, cart_items RESTART IDENTITY CASCADE;
