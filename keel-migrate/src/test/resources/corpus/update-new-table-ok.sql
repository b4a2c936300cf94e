-- expect: none
CREATE TABLE shipping_rates (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, zone text NOT NULL, rate_cents bigint NOT NULL);
INSERT INTO shipping_rates (zone, rate_cents) VALUES ('domestic', 499), ('eu', 999), ('world', 1999);
UPDATE shipping_rates SET rate_cents = rate_cents + 100;
