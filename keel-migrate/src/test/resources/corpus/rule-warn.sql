-- expect: adding-trigger-or-rule
CREATE RULE payments_no_delete AS ON DELETE TO payments DO INSTEAD NOTHING;
