-- expect: setting-tablespace
ALTER TABLE ALL IN TABLESPACE slow_hdd SET TABLESPACE fast_ssd;
