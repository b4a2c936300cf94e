-- expect: none
CREATE SCHEMA IF NOT EXISTS shop;
CREATE TABLE shop.carts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text, code text);
