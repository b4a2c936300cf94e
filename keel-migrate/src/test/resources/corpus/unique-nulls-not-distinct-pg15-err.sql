-- expect: disallowed-unique-constraint
-- pg: 15
ALTER TABLE payments ADD CONSTRAINT payments_provider_ref_key UNIQUE NULLS NOT DISTINCT (provider, provider_ref);
