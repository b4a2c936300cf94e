-- expect: none
-- keel:allow update-or-delete-without-where feature_flags holds a dozen rows
UPDATE feature_flags SET enabled = false;
