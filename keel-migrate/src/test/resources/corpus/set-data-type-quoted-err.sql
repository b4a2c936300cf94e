-- expect: changing-column-type
ALTER TABLE "Orders" ALTER COLUMN "Status" SET DATA TYPE order_status USING "Status"::order_status;
