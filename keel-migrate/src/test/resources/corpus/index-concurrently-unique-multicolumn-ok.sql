-- expect: none
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS payments_provider_ref_idx ON payments (provider, provider_ref);
