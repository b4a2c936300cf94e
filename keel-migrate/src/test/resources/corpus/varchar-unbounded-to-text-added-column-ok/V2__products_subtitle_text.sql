-- varchar to text is binary coercible: no rewrite, and the checked files know the old type.
ALTER TABLE products ALTER COLUMN subtitle TYPE text;
