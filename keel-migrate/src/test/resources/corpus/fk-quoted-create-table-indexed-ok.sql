-- expect: none
CREATE TABLE "Orders" (
    "Id"        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "UserId"    bigint NOT NULL REFERENCES "Users" ("Id"),
    "CreatedAt" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX "Orders_UserId_idx" ON "Orders" ("UserId");
