-- expect: none
UPDATE products SET description = 'Men''s running shoes; breathable' WHERE id = 7;
UPDATE products SET care_notes = E'Don\'t tumble dry;\nwash at 30°C' WHERE id = 7;
