-- expect: require-concurrent-index-deletion
DROP INDEX "shop"."Orders_Email_idx";
