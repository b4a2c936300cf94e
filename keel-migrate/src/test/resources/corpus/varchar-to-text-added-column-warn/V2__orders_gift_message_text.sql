ALTER TABLE orders ALTER COLUMN gift_message TYPE text;
