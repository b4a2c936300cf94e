-- expect: none
ALTER TABLE "Orders"
    DROP CONSTRAINT "Orders_status_check",
    ADD CONSTRAINT "Orders_status_check"
        CHECK ("Status" IN ('new', 'paid', 'shipped', 'cancelled', 'refunded')) NOT VALID;
