ALTER TABLE order_items ADD COLUMN gift_wrap boolean NOT NULL DEFAULT false;
