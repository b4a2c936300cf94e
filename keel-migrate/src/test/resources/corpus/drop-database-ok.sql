-- expect: none
DROP SCHEMA IF EXISTS scratch_unused;
