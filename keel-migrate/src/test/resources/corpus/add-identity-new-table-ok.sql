-- expect: none
CREATE TABLE newsletter_signups (email text NOT NULL, signed_up_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE newsletter_signups ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
