-- expect: none
-- runner: other
-- keel:allow missing-lock-timeout the deploy job runs psql with PGOPTIONS='-c lock_timeout=5s'
ALTER TABLE orders ADD COLUMN gift_wrap boolean NOT NULL DEFAULT false;
