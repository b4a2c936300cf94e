-- expect: none
CREATE TABLE wishlist_items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL, note text);
CREATE INDEX wishlist_items_user_id_idx ON wishlist_items (user_id);
ALTER TABLE wishlist_items DROP COLUMN note;
