-- expect: none
-- keel:allow changing-column-type users.bio was varchar(500)
ALTER TABLE users ALTER COLUMN bio TYPE text;
