-- expect: validate-in-same-transaction
ALTER TABLE "Orders" ADD CONSTRAINT "Orders_total_nonnegative" CHECK ("TotalCents" >= 0) NOT VALID;
ALTER TABLE "Orders" VALIDATE CONSTRAINT "Orders_total_nonnegative";
