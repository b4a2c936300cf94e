-- expect: update-or-delete-without-where
DELETE FROM ONLY "shop"."CartItems";
