-- expect: none
-- keel:allow adding-field-with-volatile-default feature_flags holds a dozen rows in every environment
ALTER TABLE feature_flags ADD COLUMN rollout_seed double precision NOT NULL DEFAULT random();
