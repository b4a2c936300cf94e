ALTER TABLE shop.carts RENAME COLUMN note TO remark;
ALTER TABLE shop.carts ALTER COLUMN code SET NOT NULL, ALTER COLUMN code TYPE bigint USING length(code), DROP COLUMN remark;
