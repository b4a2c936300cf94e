/* keel doctor. Whether one of keel's own tables exists yet. */
SELECT to_regclass(?) IS NOT NULL AS present
