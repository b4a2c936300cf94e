-- expect: none
ALTER TABLE products ADD COLUMN subtitle varchar;
