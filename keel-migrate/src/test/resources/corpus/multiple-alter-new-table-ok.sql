-- expect: none
CREATE TABLE loyalty_accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL UNIQUE);
ALTER TABLE loyalty_accounts ADD COLUMN points bigint NOT NULL DEFAULT 0;
ALTER TABLE loyalty_accounts ADD COLUMN tier text NOT NULL DEFAULT 'bronze';
