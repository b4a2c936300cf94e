-- expect: none
-- pg: 11
CREATE TYPE payment_status AS ENUM ('pending', 'paid');
ALTER TYPE payment_status ADD VALUE 'failed';
CREATE TABLE payment_attempts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status payment_status NOT NULL DEFAULT 'pending');
