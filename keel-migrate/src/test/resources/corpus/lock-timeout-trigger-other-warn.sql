-- expect: adding-trigger-or-rule, missing-lock-timeout
-- runner: other
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
