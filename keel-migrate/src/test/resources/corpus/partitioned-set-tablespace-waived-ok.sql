-- expect: none
-- keel:allow setting-tablespace events is partitioned: this only sets the default for partitions created later and copies nothing
ALTER TABLE events SET TABLESPACE archive_hdd;
