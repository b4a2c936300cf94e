-- expect: foreign-key-without-index
-- The key's column must lead the index.
CREATE TABLE product_reviews (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id),
    rating     smallint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_reviews_created_product_idx ON product_reviews (created_at, product_id);
