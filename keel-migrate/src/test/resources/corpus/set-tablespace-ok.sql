-- expect: none
CREATE TABLE archive (id bigint) TABLESPACE slow_disk;
