-- expect: setting-tablespace
ALTER INDEX orders_created_at_idx SET TABLESPACE fast_ssd;
