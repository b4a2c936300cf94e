-- expect: none
CREATE TABLE "Invoices" ("Id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "OrderId" bigint NOT NULL, "IssuedAt" timestamptz NOT NULL);
CREATE INDEX ON "Invoices" ("OrderId");
CREATE INDEX ON "Invoices" ("IssuedAt");
