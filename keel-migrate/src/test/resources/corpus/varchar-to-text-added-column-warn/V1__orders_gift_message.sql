-- expect: prefer-text
-- Only V1's varchar(200) is worth a warning: V2's change to text on a column whose type
-- the checked files know is free (binary coercible, no rewrite), so no changing-column-type.
ALTER TABLE orders ADD COLUMN gift_message varchar(200);
