-- expect: none
CREATE TABLE tmp_import (id bigint);
TRUNCATE tmp_import;
