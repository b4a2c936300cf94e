-- expect: none
-- The function body holds semicolons and statements on orders: none of them runs now.
CREATE OR REPLACE FUNCTION orders_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO orders_audit_log (order_id, changed_at) VALUES (NEW.id, now());
    UPDATE orders SET audited = true;
    RETURN NEW;
END $$;
