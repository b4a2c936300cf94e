-- expect: concurrent-index-on-partitioned-table
CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
