-- expect: adding-trigger-or-rule
CREATE OR REPLACE TRIGGER orders_set_updated_at
    BEFORE UPDATE ON shop.orders
    FOR EACH ROW EXECUTE FUNCTION shop.set_updated_at();
