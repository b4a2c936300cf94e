-- expect: none
-- The quoted "char" is PostgreSQL's one-byte internal type, not character(1).
CREATE TABLE ledger_entries (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    direction "char" NOT NULL CHECK (direction IN ('D', 'C')),
    amount_cents bigint NOT NULL
);
