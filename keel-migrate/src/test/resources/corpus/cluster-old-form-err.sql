-- expect: cluster
CLUSTER orders_created_at_idx ON orders;
