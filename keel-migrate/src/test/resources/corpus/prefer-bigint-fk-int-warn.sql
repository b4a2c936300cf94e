-- expect: prefer-bigint
CREATE TABLE product_questions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id),
    body       text NOT NULL,
    votes      smallint NOT NULL DEFAULT 0
);
CREATE INDEX product_questions_product_id_idx ON product_questions (product_id);
