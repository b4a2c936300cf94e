-- expect: none
-- keel:allow adding-trigger-or-rule rolled out with release 5.3, which writes orders_audit_log itself otherwise
CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_audit();
