-- expect: none
CREATE TABLE vouchers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text, value_cents bigint);
ALTER TABLE vouchers ALTER COLUMN code SET NOT NULL, ALTER COLUMN value_cents SET NOT NULL;
