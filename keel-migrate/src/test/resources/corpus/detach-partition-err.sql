-- expect: detach-partition-without-concurrently
ALTER TABLE events DETACH PARTITION events_2020;
