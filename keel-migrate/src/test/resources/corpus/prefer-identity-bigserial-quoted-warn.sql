-- expect: prefer-identity
CREATE TABLE "shop"."Payments" (
    "Id"          bigserial PRIMARY KEY,
    "AmountCents" bigint NOT NULL,
    "CreatedAt"   timestamptz NOT NULL DEFAULT now()
);
