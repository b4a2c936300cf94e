-- expect: update-or-delete-without-where
-- The WHERE belongs to the subquery: every product is updated.
UPDATE products SET category_id = (SELECT id FROM categories WHERE slug = 'uncategorized');
