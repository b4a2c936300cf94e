-- expect: none
-- keel:allow drop-database e2e_scratch is recreated from a snapshot before every end-to-end run
drop database if exists e2e_scratch;
