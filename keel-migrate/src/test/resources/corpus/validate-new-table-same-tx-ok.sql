-- expect: none
CREATE TABLE store_credits (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount_cents bigint NOT NULL);
ALTER TABLE store_credits ADD CONSTRAINT store_credits_amount_positive CHECK (amount_cents > 0) NOT VALID;
ALTER TABLE store_credits VALIDATE CONSTRAINT store_credits_amount_positive;
