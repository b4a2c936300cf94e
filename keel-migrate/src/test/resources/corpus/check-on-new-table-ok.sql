-- expect: none
CREATE TABLE gift_cards (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, balance_cents bigint NOT NULL);
ALTER TABLE gift_cards ADD CONSTRAINT gift_cards_balance_nonnegative CHECK (balance_cents >= 0);
