-- expect: renaming-table
ALTER TABLE IF EXISTS "shop"."Carts" RENAME TO shopping_carts;
