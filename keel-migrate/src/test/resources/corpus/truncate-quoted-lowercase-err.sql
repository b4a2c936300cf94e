-- expect: truncate
truncate "shop"."Sessions";
