-- expect: none
CREATE TABLE promo_codes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text NOT NULL);
ALTER TABLE promo_codes ADD CONSTRAINT promo_codes_code_key UNIQUE (code);
