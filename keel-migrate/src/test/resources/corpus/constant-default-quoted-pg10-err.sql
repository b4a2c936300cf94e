-- expect: adding-field-with-volatile-default
-- pg: 10
ALTER TABLE "Orders" ADD COLUMN "Currency" text NOT NULL DEFAULT 'EUR';
