-- expect: multiple-alter-table
ALTER TABLE "Orders" DROP CONSTRAINT "Orders_status_check";
ALTER TABLE "Orders" ADD CONSTRAINT "Orders_status_check"
    CHECK ("Status" IN ('new', 'paid', 'shipped', 'cancelled', 'refunded')) NOT VALID;
