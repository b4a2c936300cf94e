-- expect: require-concurrent-index-creation
CREATE INDEX orders_status_idx ON orders (status);
