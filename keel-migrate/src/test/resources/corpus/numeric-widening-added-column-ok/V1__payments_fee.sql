-- expect: none
ALTER TABLE payments ADD COLUMN fee numeric(10,2);
