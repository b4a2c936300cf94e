-- expect: none
COMMENT ON COLUMN orders.status IS 'lifecycle state: new, paid, shipped, cancelled';
