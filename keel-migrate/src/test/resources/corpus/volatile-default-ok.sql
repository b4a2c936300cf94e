-- expect: none
ALTER TABLE orders ADD COLUMN public_id uuid, ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
