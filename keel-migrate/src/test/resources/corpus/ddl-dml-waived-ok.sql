-- expect: none
ALTER TABLE currencies ADD COLUMN minor_units smallint;
-- keel:allow ddl-and-dml-in-one-transaction currencies holds 30 rows, the update takes a millisecond
UPDATE currencies SET minor_units = 2 WHERE minor_units IS NULL;
